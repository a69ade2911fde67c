using CrowdFit.Answers;
using CrowdFit.Numerics;

namespace CrowdFit.Truth;

/// <summary>
/// GLAD (Generative model of Labels, Abilities and Difficulties): worker w answers task t rightly with
/// probability σ(α_w · exp(β_t)) and otherwise picks one of the other K − 1 classes uniformly. EM alternates
/// the posterior of the classes (E-step) and a conjugate-gradient ascent on α and β (M-step).
/// </summary>
/// <remarks>
/// Whitehill, J., Ruvolo, P., Wu, T., Bergsma, J. and Movellan, J. (2009), "Whose vote should count more:
/// optimal integration of labels from labelers of unknown expertise", NIPS 22. The details follow
/// Crowd-Kit 1.4.1: a uniform class prior, standard-normal priors on α and β centred on
/// <see cref="GladOptions.AbilityPriorMean"/> and <see cref="GladOptions.DifficultyPriorMean"/> (also the
/// starting point), an M-step of at most 25 Polak–Ribière conjugate-gradient iterations with SciPy's line
/// searches, log σ taken as its limit beyond |α·exp(β)| &gt; 30, and the stopping rule on the M-step
/// objective divided by answers × classes. The posterior returned is the one of the last E-step, as in
/// Crowd-Kit. Gold tasks are clamped after every E-step. With fewer than two classes every task's
/// posterior is a point mass and no EM runs.
/// </remarks>
public sealed partial class Glad : ITruthMethod
{
    private readonly GladOptions _options;

    /// <summary>Creates the method.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public Glad(GladOptions? options = null)
    {
        _options = options ?? new GladOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "glad";

    /// <inheritdoc />
    public TruthResult Infer(AnswerSet answers, GoldLabels? gold = null) => Fit(answers, gold).Truth;

    /// <summary>Infers the posteriors together with every worker's ability and every task's difficulty.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="gold">Known labels, clamped after every E-step; <see langword="null"/> when there are none.</param>
    /// <returns>The truth result, α per worker and β per task.</returns>
    public GladResult Fit(AnswerSet answers, GoldLabels? gold = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var k = answers.ClassCount;
        var w = answers.WorkerCount;
        var parameters = new double[w + answers.TaskCount];
        parameters.AsSpan(0, w).Fill(_options.AbilityPriorMean);
        parameters.AsSpan(w).Fill(_options.DifficultyPriorMean);
        var posterior = new double[answers.TaskCount * k];
        var iterations = 0;
        var converged = true;
        if (k < 2)
        {
            posterior.AsSpan().Fill(1);
        }
        else
        {
            (iterations, converged) = RunEm(answers, gold, parameters, posterior);
        }

        var truth = new TruthResult(
            Name, answers, posterior, Posteriors.ClassShares(posterior, answers.TaskCount, k),
            WorkerEstimates.Build(answers, posterior), iterations, converged);
        return new GladResult(truth, parameters.AsMemory(0, w), parameters.AsMemory(w));
    }

    private (int Iterations, bool Converged) RunEm(AnswerSet answers, GoldLabels? gold, double[] parameters, double[] posterior)
    {
        var k = answers.ClassCount;
        var gradient = new double[parameters.Length];
        var optimiser = new ConjugateGradient((x, g) => NegativeObjective(answers, posterior, x, g), parameters.Length);
        var perCell = 1.0 / Math.Max(1, answers.Count * k);
        var objective = double.NegativeInfinity;
        for (var iteration = 1; iteration <= _options.MaxIterations; iteration++)
        {
            ExpectationStep(answers, parameters, posterior);
            Posteriors.ClampGold(gold, posterior, k);
            optimiser.Minimise(parameters, _options.GradientTolerance, _options.MaxGradientIterations);

            // Crowd-Kit divides by the rows of its answer × class table.
            var next = -NegativeObjective(answers, posterior, parameters, gradient) * perCell;
            if (next - objective < _options.Tolerance)
            {
                return (iteration, true);
            }

            objective = next;
        }

        return (_options.MaxIterations, false);
    }
}
