namespace CrowdFit.Simulation.Live;

/// <summary>Fixed overlap with majority vote; ties go to a label drawn by a fixed hash of the task.</summary>
internal sealed class FixedOverlapRun(int overlap, int tasks, int classes) : PolicyRun
{
    private readonly int[] _votes = new int[tasks * classes];
    private readonly int[] _answers = new int[tasks];

    public override int FirstNeed => overlap;

    public override int Pick(int task, IReadOnlyList<int> candidates, double draw) => candidates[(int)(draw * candidates.Count)];

    public override void Control(int task, int account, int label, int gold)
    {
    }

    public override (int Need, bool Review) Answered(int task, int account, int label)
    {
        _votes[(task * classes) + label]++;
        _answers[task]++;
        return (Math.Max(0, overlap - _answers[task]), false);
    }

    public override int Delivered(int task)
    {
        if (_answers[task] == 0)
        {
            return -1;
        }

        var row = _votes.AsSpan(task * classes, classes);
        var max = 0;
        var tied = 0;
        foreach (var v in row)
        {
            (max, tied) = v > max ? (v, 1) : (max, tied + (v == max ? 1 : 0));
        }

        var pick = (int)((uint)(task * 2654435761u) % (uint)tied);
        for (var l = 0; l < classes; l++)
        {
            if (row[l] == max && pick-- == 0)
            {
                return l;
            }
        }

        return -1;
    }
}
