namespace CrowdFit.Simulation.Live;

/// <summary>
/// Toloka-style dynamic overlap: start at the minimum overlap, add one answer until the leading label's
/// confidence reaches the threshold or the maximum overlap is reached.
/// </summary>
/// <remarks>
/// Confidence is Toloka's: each answer's worker has accuracy q = (K + right) / (2K + control answers) with
/// K = 0.5, from control tasks; a label's weight is the product over answers of q when the answer gives it
/// and (1 − q) / (classes − 1) otherwise, with a uniform prior. Workers below 60 % on control after at least
/// three control answers (counting their last ten) are banned, the documented example rule.
/// </remarks>
internal sealed class DynamicOverlapRun : PolicyRun
{
    private const double K = 0.5;
    private readonly double _threshold;
    private readonly int _min;
    private readonly int _max;
    private readonly int _classes;
    private readonly List<(int Account, int Label)>[] _answers;
    private readonly int[] _right;
    private readonly int[] _control;
    private readonly Queue<bool>[] _recent;
    private readonly bool[] _banned;

    public DynamicOverlapRun(double threshold, int min, int max, int tasks, int accounts, int classes)
    {
        _threshold = threshold;
        _min = Math.Min(min, max);
        _max = max;
        _classes = classes;
        _answers = new List<(int, int)>[tasks];
        _right = new int[accounts];
        _control = new int[accounts];
        _recent = new Queue<bool>[accounts];
        _banned = new bool[accounts];
        for (var a = 0; a < accounts; a++)
        {
            _recent[a] = new Queue<bool>();
        }
    }

    public override int FirstNeed => _min;

    public override bool Eligible(int account) => !_banned[account];

    public override int Pick(int task, IReadOnlyList<int> candidates, double draw) => candidates[(int)(draw * candidates.Count)];

    public override void Control(int task, int account, int label, int gold)
    {
        _control[account]++;
        _right[account] += label == gold ? 1 : 0;
        var recent = _recent[account];
        recent.Enqueue(label == gold);
        if (recent.Count > 10)
        {
            recent.Dequeue();
        }

        _banned[account] |= recent.Count >= 3 && recent.Count(r => r) < 0.6 * recent.Count;
    }

    public override (int Need, bool Review) Answered(int task, int account, int label)
    {
        var list = _answers[task] ??= [];
        list.Add((account, label));
        if (list.Count < _min)
        {
            return (_min - list.Count, false);
        }

        var (_, confidence) = Leader(list);
        return (confidence >= _threshold || list.Count >= _max ? 0 : 1, false);
    }

    public override int Delivered(int task) => _answers[task] is { Count: > 0 } list ? Leader(list).Label : -1;

    private (int Label, double Confidence) Leader(List<(int Account, int Label)> list)
    {
        Span<double> log = stackalloc double[_classes];
        foreach (var (account, label) in list)
        {
            var q = (K + _right[account]) / ((2 * K) + _control[account]);
            q = Math.Clamp(q, 1e-6, 1 - 1e-6);
            for (var y = 0; y < _classes; y++)
            {
                log[y] += Math.Log(y == label ? q : (1 - q) / (_classes - 1));
            }
        }

        var best = 0;
        for (var y = 1; y < _classes; y++)
        {
            best = log[y] > log[best] ? y : best;
        }

        var sum = 0.0;
        for (var y = 0; y < _classes; y++)
        {
            sum += Math.Exp(log[y] - log[best]);
        }

        return (best, 1 / sum);
    }
}
