namespace CrowdFit.Simulation;

/// <summary>
/// The shape of a simulated Dawid–Skene crowd: how many tasks, workers and classes, how good the honest
/// workers are, how many spammers there are and how unevenly work is spread.
/// </summary>
/// <remarks>
/// Options are checked once, when a crowd is generated or written, and every problem is reported together.
/// Change one setting with <c>with</c>: <c>DawidSkeneCrowdOptions.Default with { Classes = 2 }</c>.
/// </remarks>
public sealed partial record DawidSkeneCrowdOptions
{
    /// <summary>The default options.</summary>
    public static DawidSkeneCrowdOptions Default { get; } = new();

    /// <summary>Number of tasks.</summary>
    /// <value>The default is 200,000. Must be at least 1.</value>
    public int Tasks { get; init; } = 200_000;

    /// <summary>Number of answers per task, each from a different worker.</summary>
    /// <value>The default is 5. Must be between 1 and <see cref="Workers"/>.</value>
    public int AnswersPerTask { get; init; } = 5;

    /// <summary>Number of workers in the crowd. Inactive workers may end up with no answers.</summary>
    /// <value>The default is 2,000. Must be at least 1.</value>
    public int Workers { get; init; } = 2_000;

    /// <summary>Number of classes K; labels are written as <c>0..K-1</c>.</summary>
    /// <value>The default is 4. Must be at least 2, and Workers × K² at most 16,777,216.</value>
    public int Classes { get; init; } = 4;

    /// <summary>Probability that a worker is a spammer rather than honest.</summary>
    /// <value>The default is 0.15. Must be in [0, 1].</value>
    public double SpammerShare { get; init; } = 0.15;

    /// <summary>
    /// Share of spammers that answer uniformly at random; the others give one constant label, drawn
    /// uniformly from the classes.
    /// </summary>
    /// <value>The default is 0.5 (half and half). Must be in [0, 1].</value>
    public double UniformSpammerShare { get; init; } = 0.5;

    /// <summary>Seed of every random draw. Equal options with an equal seed give byte-identical output.</summary>
    /// <value>The default is 1.</value>
    public long Seed { get; init; } = 1;

    /// <summary>Relative frequency of each true class, normalised to sum to one; <see langword="null"/> for uniform.</summary>
    /// <value>The default is <see langword="null"/> (uniform). When set: <see cref="Classes"/> finite, non-negative
    /// weights with a positive sum.</value>
    public IReadOnlyList<double>? ClassBalance { get; init; }

    /// <summary>First shape parameter α of the Beta distribution of an honest worker's accuracy.</summary>
    /// <value>The default is 4. Must be finite and positive.</value>
    public double AccuracyAlpha { get; init; } = 4;

    /// <summary>Second shape parameter β of the Beta distribution of an honest worker's accuracy.</summary>
    /// <value>The default is 2. Must be finite and positive.</value>
    public double AccuracyBeta { get; init; } = 2;

    /// <summary>Accuracy of an honest worker whose Beta draw is 0; draws are rescaled onto [min, max].</summary>
    /// <value>The default is 0.30. Must be in [0, <see cref="MaxAccuracy"/>]. Below 1/K an honest worker is
    /// worse than chance, which the default allows for K = 2.</value>
    public double MinAccuracy { get; init; } = 0.30;

    /// <summary>Accuracy of an honest worker whose Beta draw is 1.</summary>
    /// <value>The default is 0.99. Must be in [<see cref="MinAccuracy"/>, 1].</value>
    public double MaxAccuracy { get; init; } = 0.99;

    /// <summary>
    /// Concentration of the symmetric Dirichlet that spreads an honest worker's error mass over the other
    /// classes, drawn afresh for each true class. Small values make a worker confuse a class with one other
    /// class; large values spread errors evenly.
    /// </summary>
    /// <value>The default is 1 (uniform over the simplex). Must be finite and positive.</value>
    public double ConfusionConcentration { get; init; } = 1;

    /// <summary>σ of the log-normal worker activity (μ = 0). At 1 the most active 10% of workers give about 40%
    /// of the answers; at 0 every worker is equally active.</summary>
    /// <value>The default is 1. Must be in [0, 10].</value>
    public double ActivitySigma { get; init; } = 1;

    /// <summary>Probability that a task is also written to <c>gold.csv</c> as known truth.</summary>
    /// <value>The default is 0 (no gold). Must be in [0, 1].</value>
    public double GoldShare { get; init; }

    /// <summary>Total number of answers, Tasks × AnswersPerTask.</summary>
    public long AnswerCount => (long)Tasks * AnswersPerTask;
}
