using CrowdFit.Numerics;

namespace CrowdFit.Truth;

/// <summary>
/// The Dirichlet terms of the variational M-steps of <see cref="Ibcc"/> and <see cref="Ebcc"/>: the expected
/// logs of a Dirichlet posterior and its KL divergence from the prior.
/// </summary>
internal static class Dirichlet
{
    /// <summary>
    /// Writes E[ln p] = ψ(α) − ψ(Σα) under Dirichlet(α = counts + prior) and returns the KL divergence of
    /// that Dirichlet from Dirichlet(prior): ln B(prior) − ln B(α) + Σ counts·E[ln p].
    /// </summary>
    /// <param name="counts">Expected counts.</param>
    /// <param name="prior">Prior pseudo-counts, as long as <paramref name="counts"/>.</param>
    /// <param name="priorLogBeta">ln B(prior), see <see cref="LogBeta"/>.</param>
    /// <param name="expectedLogs">Receives E[ln p], as long as <paramref name="counts"/>.</param>
    public static double ExpectedLogs(ReadOnlySpan<double> counts, ReadOnlySpan<double> prior, double priorLogBeta, Span<double> expectedLogs)
    {
        var sum = 0.0;
        var logBeta = 0.0;
        for (var i = 0; i < counts.Length; i++)
        {
            var alpha = counts[i] + prior[i];
            sum += alpha;
            logBeta += SpecialFunctions.LogGamma(alpha);
            expectedLogs[i] = SpecialFunctions.Digamma(alpha);
        }

        logBeta -= SpecialFunctions.LogGamma(sum);
        var norm = SpecialFunctions.Digamma(sum);
        var divergence = priorLogBeta - logBeta;
        for (var i = 0; i < counts.Length; i++)
        {
            expectedLogs[i] -= norm;
            divergence += counts[i] * expectedLogs[i];
        }

        return divergence;
    }

    /// <summary>ln B(α) = Σ ln Γ(αᵢ) − ln Γ(Σ αᵢ), the log normaliser of Dirichlet(α).</summary>
    public static double LogBeta(ReadOnlySpan<double> alpha)
    {
        var sum = 0.0;
        var logBeta = 0.0;
        foreach (var a in alpha)
        {
            sum += a;
            logBeta += SpecialFunctions.LogGamma(a);
        }

        return logBeta - SpecialFunctions.LogGamma(sum);
    }
}
