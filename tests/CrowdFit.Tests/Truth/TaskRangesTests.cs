using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

public sealed class TaskRangesTests
{
    [Fact]
    public void Split_UnevenTasks_CoversEveryTaskOnceWithBalancedAnswers()
    {
        // Task t has 1 + t % 7 answers, so equal task counts would not mean equal answer counts.
        var rows = new List<(string, string, string)>();
        for (var t = 0; t < 1000; t++)
        {
            for (var i = 0; i <= t % 7; i++)
            {
                rows.Add(($"t{t}", $"w{i}", "a"));
            }
        }

        var answers = AnswerSet.FromTriples(rows);

        var bounds = TaskRanges.Split(answers, 6);

        Assert.Equal(7, bounds.Length);
        Assert.Equal(0, bounds[0]);
        Assert.Equal(answers.TaskCount, bounds[^1]);
        for (var r = 0; r < 6; r++)
        {
            var size = answers.TaskStart(bounds[r + 1]) - answers.TaskStart(bounds[r]);
            Assert.InRange(size, (answers.Count / 6) - 7, (answers.Count / 6) + 7);
        }
    }

    [Fact]
    public void Split_MoreRangesThanTasks_LeavesSomeEmpty()
    {
        var answers = AnswerSet.FromTriples([("t1", "w", "a"), ("t2", "w", "b")]);

        var bounds = TaskRanges.Split(answers, 4);

        Assert.Equal(0, bounds[0]);
        Assert.Equal(2, bounds[^1]);
        Assert.True(bounds.Zip(bounds.Skip(1)).All(pair => pair.First <= pair.Second));
    }

    [Theory]
    [InlineData(1_000, 100, 1)]
    [InlineData(1 << 16, 100, 2)]
    [InlineData(1_000_000, 32_004, 8)]
    [InlineData(1_000_000, 400_000, 2)]
    [InlineData(1_000_000, 4_000_000, 1)]
    public void Count_DependsOnSizesOnly(int answerCount, int bufferLength, int expected)
    {
        var answers = OneTaskPerAnswer(answerCount);

        var count = TaskRanges.Count(answers, bufferLength);

        Assert.Equal(expected, count);
    }

    private static AnswerSet OneTaskPerAnswer(int count)
    {
        var task = new int[count];
        for (var i = 0; i < count; i++)
        {
            task[i] = i;
        }

        var taskIds = task.Select(t => $"t{t}").ToArray();
        return AnswerSet.FromColumns(taskIds, ["w"], ["a"], task, new int[count], new int[count]);
    }
}
