using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

/// <summary>
/// Reads the public truth datasets in <c>data/truth</c> and the Crowd-Kit 1.4.1 outputs in
/// <c>data/truth/crowdkit_ref</c>. Plain comma splitting is enough: no field in these files is quoted.
/// </summary>
internal static class ReferenceData
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>Folder of the answer and gold files.</summary>
    public static string TruthFolder => Path.Combine(s_root.Value, "data", "truth");

    /// <summary>Folder of the Crowd-Kit outputs.</summary>
    public static string ReferenceFolder => Path.Combine(TruthFolder, "crowdkit_ref");

    /// <summary>The answers of <paramref name="dataset"/> (<c>task,worker,label</c> with a header).</summary>
    public static AnswerSet Answers(string dataset) =>
        AnswerSet.FromTriples(Rows(Path.Combine(TruthFolder, $"{dataset}.answers.csv")).Select(r => (r[0], r[1], r[2])));

    /// <summary>The gold labels of <paramref name="dataset"/>.</summary>
    public static GoldLabels Gold(string dataset, AnswerSet answers) =>
        GoldLabels.FromPairs(answers, Rows(Path.Combine(TruthFolder, $"{dataset}.gold.csv")).Select(r => (r[0], r[1])));

    /// <summary>Crowd-Kit's posterior of <paramref name="method"/>, task-major in the answer set's indices.</summary>
    public static double[] Probabilities(string dataset, string method, AnswerSet answers)
    {
        var path = Path.Combine(ReferenceFolder, $"{dataset}.{method}.probas.csv");
        var header = File.ReadLines(path).First().Split(',');
        var k = answers.ClassCount;
        var result = new double[answers.TaskCount * k];
        Array.Fill(result, double.NaN);
        foreach (var row in Rows(path))
        {
            var task = answers.FindTask(row[0]);
            for (var column = 1; column < row.Length; column++)
            {
                result[(task * k) + answers.FindLabel(header[column])] = Parse(row[column]);
            }
        }

        return result;
    }

    /// <summary>A per-worker or per-task series (<c>skills</c>, <c>alphas</c>, <c>betas</c>) keyed by id.</summary>
    public static Dictionary<string, double> Series(string dataset, string method, string kind) =>
        Rows(Path.Combine(ReferenceFolder, $"{dataset}.{method}.{kind}.csv")).ToDictionary(r => r[0], r => Parse(r[1]), StringComparer.Ordinal);

    /// <summary>
    /// Asserts that the accuracy of <paramref name="result"/> against gold is the one <c>meta.json</c> records
    /// for Crowd-Kit's run, which is rounded to 4 decimals.
    /// </summary>
    public static void AssertMetaAccuracy(string dataset, string method, TruthResult result, GoldLabels gold)
    {
        var expected = Meta(dataset, method).GetProperty("accuracy").GetDouble();
        var actual = Accuracy(result, gold);
        Assert.True(Math.Abs(actual - expected) <= 0.5e-4 + 1e-12, $"accuracy {actual}, Crowd-Kit {expected}");
    }

    /// <summary>The EM iterations that <c>meta.json</c> records for Crowd-Kit's run.</summary>
    public static int MetaIterations(string dataset, string method) => Meta(dataset, method).GetProperty("iterations").GetInt32();

    /// <summary>Share of gold tasks whose most probable label is the gold label.</summary>
    public static double Accuracy(TruthResult result, GoldLabels gold)
    {
        var right = 0;
        for (var t = 0; t < gold.TaskCount; t++)
        {
            right += gold[t] != GoldLabels.None && result.Label(t) == gold[t] ? 1 : 0;
        }

        return (double)right / gold.Count;
    }

    /// <summary>Largest absolute difference over the cells both posteriors define.</summary>
    public static double MaxDifference(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected)
    {
        var max = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.False(double.IsNaN(expected[i]), $"The reference has no value for cell {i}.");
            max = Math.Max(max, Math.Abs(actual[i] - expected[i]));
        }

        return max;
    }

    /// <summary>Mean absolute difference over all cells.</summary>
    public static double MeanDifference(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected)
    {
        var sum = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            sum += Math.Abs(actual[i] - expected[i]);
        }

        return actual.Length == 0 ? 0 : sum / actual.Length;
    }

    private static JsonElement Meta(string dataset, string method)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceFolder, "meta.json")));
        return document.RootElement.GetProperty("datasets").GetProperty(dataset).GetProperty(method).Clone();
    }

    private static IEnumerable<string[]> Rows(string path) => File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','));

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string FindRoot()
    {
        // A build with a private artifacts path runs the tests outside the repository; the source path
        // recorded at compile time still leads back to it.
        return Above(AppContext.BaseDirectory) ?? Above(Path.GetDirectoryName(SourcePath()) ?? "")
            ?? throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} or {SourcePath()} holds CrowdFit.slnx.");
    }

    private static string? Above(string start)
    {
        for (var dir = start.Length == 0 ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrowdFit.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string SourcePath([CallerFilePath] string path = "") => path;
}
