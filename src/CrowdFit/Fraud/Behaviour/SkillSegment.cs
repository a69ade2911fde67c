namespace CrowdFit.Fraud.Behaviour;

/// <summary>
/// Sums over a run of one worker's answers from which its chance-corrected skill κ and the noise of that
/// estimate follow (see <see cref="SkillEstimate"/>).
/// </summary>
/// <remarks>
/// With P_i the task's leave-self-out posterior (<see cref="LeaveSelfOut"/>), l_i the answer's label and
/// s_i = Σₖ P_i[k]²: per class the label count, Σᵢ P_i[k], Σᵢ P_i[k]² and Σᵢ s_i P_i[k]; per pair of
/// classes Σᵢ P_i[k] P_i[m] (only up to <see cref="MaxExactClasses"/> classes); and the sums of P_i[l_i],
/// P_i[l_i]², s_i, s_i² and Σₖ P_i[k]³.
/// </remarks>
internal sealed class SkillSegment
{
    /// <summary>Above this many classes the pair sums are not kept and the variance falls back on its Jensen bound.</summary>
    public const int MaxExactClasses = 16;

    private readonly int _k;
    private readonly double[] _counts;
    private readonly double[] _mass;
    private readonly double[] _massSquared;
    private readonly double[] _sharpMass;
    private readonly double[] _pairs;

    public SkillSegment(int classes)
    {
        _k = classes;
        _counts = new double[classes];
        _mass = new double[classes];
        _massSquared = new double[classes];
        _sharpMass = new double[classes];
        _pairs = classes <= MaxExactClasses ? new double[classes * classes] : [];
    }

    public int Count { get; private set; }

    private double Agreement { get; set; }

    private double AgreementSquares { get; set; }

    private double Sharpness { get; set; }

    private double SharpnessSquares { get; set; }

    private double Cubes { get; set; }

    public void Clear()
    {
        Array.Clear(_counts);
        Array.Clear(_mass);
        Array.Clear(_massSquared);
        Array.Clear(_sharpMass);
        Array.Clear(_pairs);
        Count = 0;
        Agreement = AgreementSquares = Sharpness = SharpnessSquares = Cubes = 0;
    }

    public void Add(ReadOnlySpan<double> posterior, int label)
    {
        Count++;
        _counts[label]++;
        Agreement += posterior[label];
        AgreementSquares += posterior[label] * posterior[label];
        double squares = 0, cubes = 0;
        for (var c = 0; c < _k; c++)
        {
            var p = posterior[c];
            _mass[c] += p;
            _massSquared[c] += p * p;
            squares += p * p;
            cubes += p * p * p;
        }

        for (var c = 0; c < _k; c++)
        {
            _sharpMass[c] += squares * posterior[c];
        }

        if (_pairs.Length > 0)
        {
            for (var c = 0; c < _k; c++)
            {
                var p = posterior[c];
                if (p == 0)
                {
                    continue;
                }

                var row = _pairs.AsSpan(c * _k, _k);
                for (var m = c; m < _k; m++)
                {
                    row[m] += p * posterior[m];
                }
            }
        }

        Sharpness += squares;
        SharpnessSquares += squares * squares;
        Cubes += cubes;
    }

    /// <summary>Makes this segment <paramref name="whole"/> minus <paramref name="part"/> (the rest of a run split in two).</summary>
    public void SetDifference(SkillSegment whole, SkillSegment part)
    {
        Count = whole.Count - part.Count;
        Agreement = whole.Agreement - part.Agreement;
        AgreementSquares = whole.AgreementSquares - part.AgreementSquares;
        Sharpness = whole.Sharpness - part.Sharpness;
        SharpnessSquares = whole.SharpnessSquares - part.SharpnessSquares;
        Cubes = whole.Cubes - part.Cubes;
        Subtract(whole._counts, part._counts, _counts);
        Subtract(whole._mass, part._mass, _mass);
        Subtract(whole._massSquared, part._massSquared, _massSquared);
        Subtract(whole._sharpMass, part._sharpMass, _sharpMass);
        Subtract(whole._pairs, part._pairs, _pairs);
    }

    /// <summary>The worker's label shares in this run, smoothed by <paramref name="smoothing"/> answers spread as <paramref name="classPrior"/>.</summary>
    public void LabelShares(ReadOnlySpan<double> classPrior, double smoothing, Span<double> shares)
    {
        for (var c = 0; c < shares.Length; c++)
        {
            shares[c] = (_counts[c] + (smoothing * classPrior[c])) / (Count + smoothing);
        }
    }

    /// <summary>The most frequent label and its count.</summary>
    public (int Label, int Count) Mode()
    {
        var best = 0;
        for (var c = 1; c < _counts.Length; c++)
        {
            if (_counts[c] > _counts[best])
            {
                best = c;
            }
        }

        return (best, (int)Math.Round(_counts[best]));
    }

    /// <summary>Per label k, the share of the run's answers that gave k and the share the posteriors give class k (ΣP[k] / n).</summary>
    public void Shares(Span<double> given, Span<double> expected)
    {
        for (var c = 0; c < _counts.Length; c++)
        {
            given[c] = _counts[c] / Count;
            expected[c] = _mass[c] / Count;
        }
    }

    /// <summary>The skill estimate of this run.</summary>
    public SkillEstimate Estimate(ReadOnlySpan<double> classPrior, double smoothing)
    {
        Span<double> shares = stackalloc double[_k];
        LabelShares(classPrior, smoothing, shares);
        double chance = 0, sharesTimesSquares = 0, sharpChance = 0, chanceSquares = double.NaN;
        for (var c = 0; c < _k; c++)
        {
            chance += shares[c] * _mass[c];
            sharesTimesSquares += shares[c] * _massSquared[c];
            sharpChance += shares[c] * _sharpMass[c];
        }

        if (_pairs.Length > 0)
        {
            chanceSquares = 0;
            for (var c = 0; c < _k; c++)
            {
                chanceSquares += shares[c] * shares[c] * _pairs[(c * _k) + c];
                for (var m = c + 1; m < _k; m++)
                {
                    chanceSquares += 2 * shares[c] * shares[m] * _pairs[(c * _k) + m];
                }
            }
        }

        var spread = Count == 0 ? 0 : AgreementSquares - (Agreement * Agreement / Count);
        return new SkillEstimate(Count, Agreement, chance, Sharpness, Cubes, sharesTimesSquares, Math.Max(0, spread))
        {
            SharpnessSquares = SharpnessSquares,
            SharpChance = sharpChance,
            ChanceSquares = chanceSquares,
        };
    }

    private static void Subtract(double[] whole, double[] part, double[] into)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = whole[i] - part[i];
        }
    }
}
