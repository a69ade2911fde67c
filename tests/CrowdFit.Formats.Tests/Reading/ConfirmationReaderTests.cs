using CrowdFit.Answers;

namespace CrowdFit.Formats.Tests.Reading;

public sealed class ConfirmationReaderTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly AnswerSet _answers = AnswerSet.FromTriples([("t1", "w1", "x"), ("t2", "w1", "y"), ("t1", "w2", "x"), ("t2", "w2", "x")]);

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Read_AnswerAndWorkerDecisions_AnswerDecisionWins()
    {
        var path = _files.Write("decisions.csv", "task,worker,decision\n,w1,fraud\nt1,w1,ok\nt2,w2,Cleared\n");

        var confirmations = ConfirmationReader.Read(path, _answers);

        Assert.Equal(false, confirmations[Answer("t1", "w1")]);
        Assert.Equal(true, confirmations[Answer("t2", "w1")]);
        Assert.Equal(false, confirmations[Answer("t2", "w2")]);
        Assert.Null(confirmations[Answer("t1", "w2")]);
        Assert.Equal(1, confirmations.Fraud);
        Assert.Equal(2, confirmations.Cleared);
    }

    [Fact]
    public void Read_WithoutTaskColumn_DecidesWholeWorkers()
    {
        var path = _files.Write("decisions.csv", "worker,decision\nw2,1\n");

        var confirmations = ConfirmationReader.Read(path, _answers);

        Assert.Equal(2, confirmations.Fraud);
    }

    [Fact]
    public void Read_UnknownDecision_NamesLineAndColumn()
    {
        var path = _files.Write("decisions.csv", "task,worker,decision\nt1,w1,maybe\n");

        var error = Assert.Throws<AnswerFormatException>(() => ConfirmationReader.Read(path, _answers));

        Assert.Equal(2, error.Line);
        Assert.Equal("decision", error.Column);
        Assert.Contains("fraud or ok", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownWorker_NamesIt()
    {
        var path = _files.Write("decisions.csv", "task,worker,decision\nt1,nobody,fraud\n");

        var error = Assert.Throws<AnswerFormatException>(() => ConfirmationReader.Read(path, _answers));

        Assert.Equal("worker", error.Column);
        Assert.Contains("nobody", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TaskTheWorkerDidNotAnswer_NamesIt()
    {
        var path = _files.Write("decisions.csv", "task,worker,decision\nt9,w1,fraud\n");

        var error = Assert.Throws<AnswerFormatException>(() => ConfirmationReader.Read(path, _answers));

        Assert.Equal("task", error.Column);
    }

    [Fact]
    public void Read_MissingDecisionColumn_Throws()
    {
        var path = _files.Write("decisions.csv", "task,worker\nt1,w1\n");

        var error = Assert.Throws<AnswerFormatException>(() => ConfirmationReader.Read(path, _answers));

        Assert.Contains("decision", error.Message, StringComparison.Ordinal);
    }

    private int Answer(string task, string worker)
    {
        var t = _answers.FindTask(task);
        for (var a = _answers.TaskStart(t); a < _answers.TaskStart(t + 1); a++)
        {
            if (_answers.WorkerIds[_answers.Workers[a]] == worker)
            {
                return a;
            }
        }

        throw new InvalidOperationException("no such answer");
    }
}
