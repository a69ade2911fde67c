using System.Text;
using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Formats.Tests.Writing;

public sealed class ResultCsvWriterTests
{
    [Fact]
    public void WriteLabels_SmallResult_WritesChosenLabelConfidenceAndPosterior()
    {
        var result = SmallResult();

        var text = Write(ResultCsvWriter.WriteLabels, result);

        Assert.Equal("task,label,confidence,p_cat,p_dog\nt1,cat,0.666667,0.666667,0.333333\nt2,dog,1,0,1\n", text);
    }

    [Fact]
    public void WriteWorkers_SmallResult_WritesAccuracyIntervalAndConfusionCells()
    {
        var result = SmallResult();

        var text = Write(ResultCsvWriter.WriteWorkers, result);

        Assert.Equal(
            "worker,answers,accuracy,accuracy_low,accuracy_high,confusion_cat_cat,confusion_cat_dog,confusion_dog_cat,confusion_dog_dog\n"
            + "w1,2,0.833333,0.25,0.99,0.75,0.25,0.125,0.875\n"
            + "w2,1,,0.0001234,1,0.5,0.5,1E-07,1\n",
            text);
    }

    [Fact]
    public void WriteAnswers_SmallResult_WritesEachAnswerWithItsProbabilityOfBeingRight()
    {
        var result = SmallResult();

        var text = Write(ResultCsvWriter.WriteAnswers, result);

        Assert.Equal("task,worker,label,p_correct\nt1,w1,cat,0.666667\nt1,w2,dog,0.333333\nt2,w1,dog,1\n", text);
    }

    [Fact]
    public void WriteLabels_FieldsWithCommaQuoteOrLineBreak_AreQuoted()
    {
        var answers = AnswerSet.FromTriples([("t\n1", "w1", "a,b"), ("t2", "w\"2", "say \"hi\"")]);
        var result = new TruthResult("test", answers, [1, 0, 0, 1], [0.5, 0.5], [], 0, true);

        var text = Write(ResultCsvWriter.WriteLabels, result);

        Assert.Equal("task,label,confidence,\"p_a,b\",\"p_say \"\"hi\"\"\"\n\"t\n1\",\"a,b\",1,1,0\nt2,\"say \"\"hi\"\"\",1,0,1\n", text);
    }

    [Fact]
    public void WriteAnswers_ManyRows_FlushesEveryRow()
    {
        var triples = Enumerable.Range(0, 20_000).Select(i => ($"task-{i / 4}", $"worker-{i % 97}", $"label-{i % 3}"));
        var answers = AnswerSet.FromTriples(triples);
        var result = new MajorityVote().Infer(answers);

        var lines = Write(ResultCsvWriter.WriteAnswers, result).Split('\n');

        Assert.Equal(20_002, lines.Length);
        Assert.Equal("task-4999,worker-17,label-1,0.5", lines[^2]);
    }

    private static TruthResult SmallResult()
    {
        var answers = AnswerSet.FromTriples([("t1", "w1", "cat"), ("t1", "w2", "dog"), ("t2", "w1", "dog")]);
        WorkerEstimate[] workers =
        [
            new(0, 2, 5.0 / 6, 0.25, 0.99, new[] { 0.75, 0.25, 0.125, 0.875 }),
            new(1, 1, double.NaN, 0.0001234, 1, new[] { 0.5, 0.5, 1e-7, 0.9999999 }),
        ];
        return new TruthResult("test", answers, [2.0 / 3, 1.0 / 3, 0, 1], [0.5, 0.5], workers, 3, true);
    }

    private static string Write(Action<TruthResult, Stream> write, TruthResult result)
    {
        using var stream = new MemoryStream();
        write(result, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
