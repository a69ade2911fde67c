using CrowdFit.Fraud;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using FraudTrees = Microsoft.ML.Data.BinaryPredictionTransformer<Microsoft.ML.Calibrators.CalibratedModelParametersBase<Microsoft.ML.Trainers.FastTree.FastTreeBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator>>;

namespace CrowdFit.Learning;

/// <summary>
/// The supervised candidate-answer-fraud model: gradient-boosted trees (ML.NET FastTree) trained on answers
/// analysts confirmed as fraud or cleared, over every other detector's evidence. It is trained afresh on each
/// run, so new confirmations are used as soon as they arrive.
/// </summary>
/// <remarks>
/// <para>
/// With even 1 % of anomalies labelled, supervised detectors beat the best unsupervised ones (Han et al.,
/// "ADBench", 2022); the model learns which mix of evidence the analysts of this platform call fraud.
/// </para>
/// <para>
/// <b>P-values.</b> Scores become conformal p-values against the cleared answers: p(a) = (1 + #{cleared c :
/// s(c) ≥ s(a)}) / (1 + #cleared), valid for honest answers exchangeable with the cleared ones. Cleared answers
/// are scored by cross-fitting (a model trained on the other folds, folds formed by worker) so calibration
/// never uses a score of a model that saw the answer. A worker's p-value is the same test on the worker's
/// mean score against the workers whose decisions were all "cleared", when there are at least 10 of them;
/// otherwise the model speaks only about answers.
/// </para>
/// </remarks>
public sealed class SupervisedFraudModel : IStackedDetector
{
    private const int MinimumClearedWorkers = 10;
    private readonly Confirmations _confirmations;
    private readonly SupervisedFraudOptions _options;

    /// <summary>Creates the model over analysts' decisions.</summary>
    /// <param name="confirmations">Decisions per answer of the log that will be analysed.</param>
    /// <param name="options">Settings; <see cref="SupervisedFraudOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SupervisedFraudModel(Confirmations confirmations, SupervisedFraudOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(confirmations);
        options ??= SupervisedFraudOptions.Default;
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _confirmations = confirmations;
        _options = options;
    }

    /// <inheritdoc/>
    public string Name => "supervised";

    /// <summary>Feature names of the last run, in column order (empty before the first trained run).</summary>
    public IReadOnlyList<string> FeatureNames { get; private set; } = [];

    /// <inheritdoc/>
    public DetectorReport Run(WorkLog log, IReadOnlyList<DetectorReport> evidence)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(evidence);
        var answers = log.Answers;
        if (_confirmations.Fraud < _options.MinimumFraud || _confirmations.Cleared < _options.MinimumCleared)
        {
            return DetectorReport.Skipped(Name, answers.WorkerCount, answers.Count, $"needs at least {_options.MinimumFraud} confirmed-fraud and {_options.MinimumCleared} cleared answers; has {_confirmations.Fraud} and {_confirmations.Cleared}");
        }

        var (rows, width, names) = EvidenceFeatures.Build(log, evidence);
        FeatureNames = names;
        var labelled = Enumerable.Range(0, answers.Count).Where(a => _confirmations[a] is not null).ToArray();
        var ml = new MLContext(_options.Seed);
        var score = Score(ml, Fit(ml, rows, width, labelled), rows, width, Enumerable.Range(0, answers.Count).ToArray());

        // Cross-fitted scores for the adjudicated answers.
        var fold = labelled.Select(a => (int)((uint)Mix(answers.Workers[a], _options.Seed) % (uint)_options.Folds)).ToArray();
        for (var f = 0; f < _options.Folds; f++)
        {
            var train = labelled.Where((_, i) => fold[i] != f).ToArray();
            var test = labelled.Where((_, i) => fold[i] == f).ToArray();
            if (test.Length == 0)
            {
                continue;
            }

            if (train.Count(a => _confirmations[a] == true) < 2 || train.Count(a => _confirmations[a] == false) < 2)
            {
                return DetectorReport.Skipped(Name, answers.WorkerCount, answers.Count, $"the confirmations come from too few workers to cross-fit {_options.Folds} folds");
            }

            var held = Score(ml, Fit(ml, rows, width, train), rows, width, test);
            for (var i = 0; i < test.Length; i++)
            {
                score[test[i]] = held[i];
            }
        }

        return Report(log, score);
    }

    private DetectorReport Report(WorkLog log, float[] score)
    {
        var answers = log.Answers;
        var cleared = Enumerable.Range(0, answers.Count).Where(a => _confirmations[a] == false).Select(a => score[a]).Order().ToArray();
        var answerP = new float[answers.Count];
        for (var a = 0; a < answers.Count; a++)
        {
            answerP[a] = (float)Conformal(cleared, score[a]);
        }

        var mean = new double[answers.WorkerCount];
        var count = new int[answers.WorkerCount];
        var anyFraud = new bool[answers.WorkerCount];
        var anyCleared = new bool[answers.WorkerCount];
        for (var a = 0; a < answers.Count; a++)
        {
            var w = answers.Workers[a];
            mean[w] += score[a];
            count[w]++;
            anyFraud[w] |= _confirmations[a] == true;
            anyCleared[w] |= _confirmations[a] == false;
        }

        for (var w = 0; w < mean.Length; w++)
        {
            mean[w] = count[w] == 0 ? 0 : mean[w] / count[w];
        }

        var clearedWorkers = Enumerable.Range(0, mean.Length).Where(w => anyCleared[w] && !anyFraud[w]).Select(w => (float)mean[w]).Order().ToArray();
        var workerP = new double[mean.Length];
        var reasons = new string?[mean.Length];
        for (var w = 0; w < mean.Length; w++)
        {
            workerP[w] = clearedWorkers.Length >= MinimumClearedWorkers && count[w] > 0 ? Conformal(clearedWorkers, (float)mean[w]) : 1;
            if (workerP[w] < 0.05)
            {
                reasons[w] = $"resembles confirmed fraud (mean model score {mean[w]:F2}; p {workerP[w]:G2} against {clearedWorkers.Length} cleared workers)";
            }
        }

        string? AnswerReason(int a) => $"resembles confirmed fraud (model score {score[a]:F2}; p {answerP[a]:G2} against {cleared.Length} cleared answers)";
        return new DetectorReport(Name, workerP, reasons, answerP, AnswerReason);
    }

    /// <summary>(1 + #{c ≥ s}) / (1 + n) over the sorted calibration scores.</summary>
    private static double Conformal(float[] sortedCalibration, float s)
    {
        var lo = 0;
        var hi = sortedCalibration.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sortedCalibration[mid] < s)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return (1.0 + sortedCalibration.Length - lo) / (1.0 + sortedCalibration.Length);
    }

    private FraudTrees Fit(MLContext ml, float[] rows, int width, int[] which)
    {
        var data = ml.Data.LoadFromEnumerable(which.Select(a => new Row { Label = _confirmations[a] == true, Features = rows.AsSpan(a * width, width).ToArray() }), Schema(width));
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = _options.Trees,
            NumberOfLeaves = _options.Leaves,
            MinimumExampleCountPerLeaf = 2,
            NumberOfThreads = 1,
            Seed = _options.Seed,
        });
        return trainer.Fit(data);
    }

    private static float[] Score(MLContext ml, FraudTrees model, float[] rows, int width, int[] which)
    {
        var data = ml.Data.LoadFromEnumerable(which.Select(a => new Row { Features = rows.AsSpan(a * width, width).ToArray() }), Schema(width));
        return [.. model.Transform(data).GetColumn<float>("Score")];
    }

    private static SchemaDefinition Schema(int width)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    private static int Mix(int worker, int seed) => (int)((((uint)worker * 2654435761u) ^ (uint)seed) * 2246822519u >> 1);

    /// <summary>One training or scoring row.</summary>
    private sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
