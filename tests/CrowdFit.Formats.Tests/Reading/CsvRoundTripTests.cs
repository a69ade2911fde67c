using System.Text;
using CrowdFit.Formats.Csv;

namespace CrowdFit.Formats.Tests.Reading;

public sealed class CsvRoundTripTests
{
    [Theory]
    [InlineData(1, 16)]
    [InlineData(2, 17)]
    [InlineData(3, 64)]
    [InlineData(4, 1 << 20)]
    public void Read_RandomIdsEncodedByTheWriter_ComeBackUnchanged(int seed, int blockSize)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, 400).Select(_ => (Task: RandomId(random), Worker: RandomId(random), Label: RandomId(random))).ToArray();
        var text = new StringBuilder("task,worker,label\n");
        foreach (var (task, worker, label) in rows)
        {
            var line = string.Join(",", new[] { task, worker, label }.Select(id => Encoding.UTF8.GetString(Utf8CsvWriter.Encode(id))));
            text.Append(line).Append(random.Next(3) == 0 ? "\r\n" : "\n");
        }

        using var files = new TempFiles();
        var path = files.Write("answers.csv", text.ToString());

        var answers = AnswerLogReader.Read(path, options: new ReaderOptions { BlockSize = blockSize }).Answers;

        var read = Enumerable.Range(0, answers.Count)
            .Select(a => (answers.SourceRow(a), answers.TaskIds[answers.Tasks[a]], answers.WorkerIds[answers.Workers[a]], answers.Labels[answers.AnswerLabels[a]]))
            .OrderBy(row => row.Item1)
            .Select(row => (row.Item2, row.Item3, row.Item4));
        Assert.Equal(rows, read);
    }

    [Fact]
    public void Read_ContextWithScores_PadsTheModelRowsWithMissingValues()
    {
        using var files = new TempFiles();
        var answersPath = files.Write("answers.csv", "task,worker,label,reward\nt1,w1,a,0.5\nt2,w1,b,0.25\n");
        var scoresPath = files.Write("scores.csv", "task,label,score\nt1,b,0.9\n");

        var log = AnswerLogReader.Read(answersPath, scoresPath: scoresPath);

        var modelAnswer = Enumerable.Range(0, log.Answers.Count).Single(a => log.Answers.Workers[a] == log.ModelWorker);
        Assert.Equal(3, log.Context!.RowCount);
        Assert.Equal(2, log.Answers.SourceRow(modelAnswer));
        Assert.True(double.IsNaN(log.Context.Reward(log.Answers.SourceRow(modelAnswer))));
        Assert.Equal(0.25, log.Context.Reward(log.Answers.SourceRow(2)));
    }

    [Fact]
    public void Read_GoldAndScores_ShareOneLabelTable()
    {
        using var files = new TempFiles();
        var answersPath = files.Write("answers.csv", "task,worker,label\nt1,w1,b\nt2,w2,b\n");
        var goldPath = files.Write("gold.csv", "task,label\nt2,c\n");
        var scoresPath = files.Write("scores.csv", "task,label,score\nt1,a,0.7\nt1,b,0.3\n");

        var log = AnswerLogReader.Read(answersPath, goldPath, scoresPath);

        Assert.Equal(["a", "b", "c"], log.Answers.Labels);
        Assert.Equal(2, log.Gold![1]);
        Assert.Equal([1, 0, 1], log.Answers.AnswerLabels.ToArray());
    }

    private static string RandomId(Random random)
    {
        const string Alphabet = "ab1,\"\n\r é猫";
        var chars = new char[random.Next(1, 6)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }
}
