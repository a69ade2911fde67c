namespace CrowdFit.Truth;

/// <summary>Settings of <see cref="Ebcc"/>: the number of subtypes, the Dirichlet priors, the restarts and the stopping rule.</summary>
/// <remarks>
/// The subtype settings are those published with the method (Li, Rubinstein and Cohn 2019): ten subtypes per
/// class and a total pseudo-count of 0.1 spread over them. That prior is sparse on purpose: a subtype that
/// no group of tasks needs keeps almost no weight, so ten is a ceiling rather than a number the data must
/// fill, and on a crowd whose workers err independently the model falls back to IBCC with one subtype per
/// class. The confusion prior is IBCC's (<see cref="IbccOptions"/>: 6 pseudo-answers on the diagonal, 1 on
/// each other cell, chosen there for calibration) rather than the paper's 4 and 1, so that the two
/// methods differ only by the subtypes; with one subtype EBCC is IBCC.
/// </remarks>
public sealed record EbccOptions
{
    /// <summary>Most subtypes per true class (M): the groups of tasks within a class on which workers may err alike.</summary>
    /// <value>10.</value>
    public int SubtypeCount { get; init; } = 10;

    /// <summary>
    /// Total Dirichlet pseudo-count on the subtype proportions of each class, spread evenly over the
    /// <see cref="SubtypeCount"/> subtypes (each gets this divided by M). Small values let unused subtypes die out.
    /// </summary>
    /// <value>0.1.</value>
    public double SubtypePseudoCount { get; init; } = 0.1;

    /// <summary>Dirichlet pseudo-count on each class proportion.</summary>
    /// <value>1 (a uniform prior over proportions).</value>
    public double ClassPseudoCount { get; init; } = 1;

    /// <summary>Pseudo-count on the diagonal of every confusion row (one row per worker, class and subtype).</summary>
    /// <value>6.</value>
    public double CorrectPseudoCount { get; init; } = 6;

    /// <summary>Pseudo-count on each off-diagonal cell of every confusion row.</summary>
    /// <value>1.</value>
    public double ErrorPseudoCount { get; init; } = 1;

    /// <summary>
    /// Number of fits from different random splits of the starting posterior over subtypes, when the subtypes
    /// are fitted at all (<see cref="ExcessAgreementThreshold"/>). They come on top of one fit that starts from
    /// the one-subtype solution (IBCC's); of all the fits, the one with the highest variational lower bound on
    /// the log evidence is kept.
    /// </summary>
    /// <value>2.</value>
    public int Restarts { get; init; } = 2;

    /// <summary>
    /// The subtypes are fitted only when worker pairs on the same task agree more often than the one-subtype
    /// fit (IBCC) predicts by more than this many standard deviations (<see cref="Ebcc"/>, posterior-predictive
    /// check); otherwise that fit is the answer. Agreement beyond the prediction is the signature of shared
    /// errors, the only thing the subtypes add; without it they would cost time and settle on the same solution.
    /// </summary>
    /// <value>
    /// 2: a one-sided test at about the 2.3 % level. A false alarm costs only time (the subtypes are then fitted
    /// and compared by their evidence, as without the check), so the level is lenient. Negative infinity
    /// always fits the subtypes; positive infinity never does.
    /// </value>
    public double ExcessAgreementThreshold { get; init; } = 2;

    /// <summary>Seed of the random splits; restart <c>r</c> uses <c>Seed + r</c>.</summary>
    /// <value>1234.</value>
    public int Seed { get; init; } = 1234;

    /// <summary>Most variational iterations in one fit.</summary>
    /// <value>500.</value>
    public int MaxIterations { get; init; } = 500;

    /// <summary>
    /// A fit stops when one iteration raises the variational lower bound by no more than this fraction of
    /// the bound's size.
    /// </summary>
    /// <value>1e-7.</value>
    public double Tolerance { get; init; } = 1e-7;

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="ArgumentException">One or more settings are out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (SubtypeCount < 1)
        {
            problems.Add($"SubtypeCount must be at least 1 (was {SubtypeCount}).");
        }

        CheckPositive(problems, nameof(SubtypePseudoCount), SubtypePseudoCount);
        CheckPositive(problems, nameof(ClassPseudoCount), ClassPseudoCount);
        CheckPositive(problems, nameof(CorrectPseudoCount), CorrectPseudoCount);
        CheckPositive(problems, nameof(ErrorPseudoCount), ErrorPseudoCount);
        if (Restarts < 1)
        {
            problems.Add($"Restarts must be at least 1 (was {Restarts}).");
        }

        if (double.IsNaN(ExcessAgreementThreshold))
        {
            problems.Add($"ExcessAgreementThreshold must be a number (was {ExcessAgreementThreshold}).");
        }

        OptionsProblems.CheckIterations(problems, MaxIterations, Tolerance);

        OptionsProblems.ThrowIfAny(nameof(EbccOptions), problems);
    }

    private static void CheckPositive(List<string> problems, string name, double value)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            problems.Add($"{name} must be positive and finite (was {value}).");
        }
    }
}
