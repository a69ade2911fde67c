using System.Globalization;
using System.Text;

namespace CrowdFit.Fraud.Rings;

public sealed partial class RingDetector
{
    private DetectorReport Report(WorkLog log, PairEvidence[] pairs, List<Link> links, SharedInfrastructure infrastructure, in ChanceScale scale)
    {
        var answers = log.Answers;
        var workers = answers.WorkerCount;
        var workerP = new double[workers];
        Array.Fill(workerP, 1.0);
        var bestLink = new int[workers];
        Array.Fill(bestLink, -1);
        var root = new int[workers];
        for (var w = 0; w < workers; w++)
        {
            root[w] = w;
        }

        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            Keep(link.First, i);
            Keep(link.Second, i);
            if (link.P <= _options.LinkLevel)
            {
                var (a, b) = (Find(root, link.First), Find(root, link.Second));
                root[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        var (rings, ringOf) = Rings(log, pairs, links, infrastructure, scale, root);
        var signals = Signals(log, infrastructure);
        var reasons = new string?[workers];
        for (var w = 0; w < workers; w++)
        {
            if (ringOf[w] > 0)
            {
                var ring = rings[ringOf[w] - 1];
                var at = IndexOf(ring.Workers, w);
                reasons[w] = string.Create(CultureInfo.InvariantCulture, $"in ring {ring.Id} of {ring.Workers.Count} accounts: {ring.Evidence[at]} ({signals})");
            }
            else if (bestLink[w] >= 0 && workerP[w] < 1)
            {
                var link = links[bestLink[w]];
                var partner = link.First == w ? link.Second : link.First;
                var tie = link.Pair >= 0
                    ? Describe(log, pairs[link.Pair], w, scale)
                    : $"shares a device with {answers.WorkerIds[partner]}";
                reasons[w] = $"closest tie: {tie} ({signals})";
            }
        }

        var answerP = AnswerP(log, links, bestLink);
        return new DetectorReport(Name, workerP, reasons, answerP) { Rings = rings };

        void Keep(int worker, int link)
        {
            if (links[link].P < workerP[worker])
            {
                workerP[worker] = links[link].P;
                bestLink[worker] = link;
            }
        }
    }

    /// <summary>The connected components of two or more workers, numbered from 1 in order of their lowest member.</summary>
    private (List<Ring> Rings, int[] RingOf) Rings(WorkLog log, PairEvidence[] pairs, List<Link> links, SharedInfrastructure infrastructure, in ChanceScale scale, int[] root)
    {
        var workers = root.Length;
        var size = new int[workers];
        for (var w = 0; w < workers; w++)
        {
            size[Find(root, w)]++;
        }

        var ringOfRoot = new int[workers];
        var members = new List<List<int>>();
        for (var w = 0; w < workers; w++)
        {
            var r = Find(root, w);
            if (size[r] < 2)
            {
                continue;
            }

            if (ringOfRoot[r] == 0)
            {
                members.Add([]);
                ringOfRoot[r] = members.Count;
            }

            members[ringOfRoot[r] - 1].Add(w);
        }

        var ringOf = new int[workers];
        for (var w = 0; w < workers; w++)
        {
            ringOf[w] = ringOfRoot[Find(root, w)];
        }

        // Per member, its strongest significant link inside the ring.
        var strongest = new int[workers];
        Array.Fill(strongest, -1);
        var ringP = new double[members.Count];
        Array.Fill(ringP, 1.0);
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link.P > _options.LinkLevel)
            {
                continue;
            }

            var id = ringOf[link.First];
            ringP[id - 1] = Math.Min(ringP[id - 1], link.P);
            foreach (var w in (ReadOnlySpan<int>)[link.First, link.Second])
            {
                if (strongest[w] < 0 || Stronger(links[i], links[strongest[w]]))
                {
                    strongest[w] = i;
                }
            }
        }

        var rings = new List<Ring>(members.Count);
        for (var r = 0; r < members.Count; r++)
        {
            var evidence = new string[members[r].Count];
            for (var m = 0; m < evidence.Length; m++)
            {
                evidence[m] = Evidence(log, pairs, links, infrastructure, scale, members[r][m], strongest[members[r][m]], ringOf);
            }

            rings.Add(new Ring(r + 1, members[r].ToArray(), evidence, ringP[r]));
        }

        return (rings, ringOf);
    }

    /// <summary>A link with behaviour evidence beats one without; then the smaller p-value wins.</summary>
    private static bool Stronger(in Link candidate, in Link current) =>
        (candidate.Pair >= 0) != (current.Pair >= 0) ? candidate.Pair >= 0 : candidate.P < current.P;

    /// <summary>What ties a member to its ring: its strongest behaviour link and the infrastructure it shares with other members.</summary>
    private string Evidence(WorkLog log, PairEvidence[] pairs, List<Link> links, SharedInfrastructure infrastructure, in ChanceScale scale, int worker, int strongest, int[] ringOf)
    {
        var text = new StringBuilder();
        if (strongest >= 0 && links[strongest].Pair >= 0)
        {
            text.Append(Describe(log, pairs[links[strongest].Pair], worker, scale));
        }

        var mine = infrastructure.Of(worker);
        var ipShared = 0;
        foreach (var value in mine)
        {
            var others = 0;
            foreach (var member in Members(ringOf, ringOf[worker]))
            {
                if (member != worker && Uses(infrastructure, member, value))
                {
                    others++;
                }
            }

            if (others == 0 || (value.Kind == InfrastructureKind.IpRange && others <= ipShared))
            {
                continue;
            }

            ipShared = value.Kind == InfrastructureKind.Ip ? Math.Max(ipShared, others) : ipShared;
            var what = value.Kind switch
            {
                InfrastructureKind.Device => "device",
                InfrastructureKind.Ip => "IP",
                _ => "IP range",
            };
            text.Append(text.Length > 0 ? "; " : string.Empty)
                .Append(CultureInfo.InvariantCulture, $"shares {what} {value.Text} with {others} member{(others == 1 ? string.Empty : "s")}");
        }

        return text.Length > 0 ? text.ToString() : "linked to the ring through other members";
    }

    /// <summary>The workers of ring <paramref name="ring"/>.</summary>
    private static IEnumerable<int> Members(int[] ringOf, int ring)
    {
        for (var w = 0; w < ringOf.Length; w++)
        {
            if (ringOf[w] == ring)
            {
                yield return w;
            }
        }
    }

    private static bool Uses(SharedInfrastructure infrastructure, int worker, SharedValue value)
    {
        foreach (var other in infrastructure.Of(worker))
        {
            if (other.Kind == value.Kind && other.Code == value.Code)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One pair's behaviour, seen from <paramref name="worker"/>.</summary>
    private string Describe(WorkLog log, in PairEvidence pair, int worker, in ChanceScale scale)
    {
        var partner = log.Answers.WorkerIds[pair.First == worker ? pair.Second : pair.First];
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"agrees with {partner} on {pair.Agree} of {pair.Shared} shared tasks (expected {scale.ExpectedAgree(pair):0.0}), {pair.CoWrong} of them on wrong answers (expected {scale.ExpectedWrong(pair):0.0})");
        if (scale.Timing && pair.Near > 0)
        {
            text += string.Create(
                CultureInfo.InvariantCulture,
                $"; submits within {_options.NearSeconds:0.#} s of {partner} on {pair.Near} of them (expected {pair.Shared * scale.NearChance(pair):0.0})");
        }

        if (scale.Timing && pair.Sync > 0)
        {
            text += string.Create(
                CultureInfo.InvariantCulture,
                $"; submits within {_options.SyncSeconds:0.#} s of {partner} on {pair.Sync} tasks (expected {scale.ExpectedSync(pair):0.0})");
        }

        return text;
    }

    /// <summary>Which evidence the log allowed, for the reasons.</summary>
    private static string Signals(WorkLog log, SharedInfrastructure infrastructure)
    {
        List<string> used = ["copying"];
        if (log.HasSubmitTimes)
        {
            used.Add("submit timing");
        }

        if (log.Context?.HasDevice == true)
        {
            used.Add("devices");
        }

        if (log.Context?.HasIp == true)
        {
            used.Add("IP addresses");
        }

        return used.Count == 1 && infrastructure.Kinds.Count == 0
            ? "signals: copying only; no submit times, IP or device columns"
            : "signals: " + string.Join(", ", used);
    }

    /// <summary>
    /// Per answer, the smallest p-value of the links it takes part in: agreeing with, or submitted within
    /// seconds of, the partner's answer to the same task; every answer for a link made by a shared device.
    /// Only links that are significant or some worker's strongest count.
    /// </summary>
    private float[] AnswerP(WorkLog log, List<Link> links, int[] bestLink)
    {
        var answers = log.Answers;
        var answerP = new float[answers.Count];
        Array.Fill(answerP, 1f);
        var byFirst = new List<(int Partner, double P)>?[answers.WorkerCount];
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            var counts = link.P <= _options.LinkLevel || bestLink[link.First] == i || bestLink[link.Second] == i;
            if (!counts || link.P >= 1)
            {
                continue;
            }

            if (link.Pair >= 0)
            {
                (byFirst[link.First] ??= []).Add((link.Second, link.P));
                continue;
            }

            foreach (var w in (ReadOnlySpan<int>)[link.First, link.Second])
            {
                foreach (var a in log.Timeline(w))
                {
                    answerP[a] = Math.Min(answerP[a], (float)link.P);
                }
            }
        }

        var starts = answers.TaskStarts;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        var submitted = log.Submitted;
        for (var w = 0; w < byFirst.Length; w++)
        {
            if (byFirst[w] is not { } partners)
            {
                continue;
            }

            foreach (var a in log.Timeline(w))
            {
                var task = answers.Tasks[a];
                for (var b = starts[task]; b < starts[task + 1]; b++)
                {
                    if (workers[b] <= w || !(labels[a] == labels[b] || Math.Abs(submitted[a] - submitted[b]) <= _options.SyncSeconds))
                    {
                        continue;
                    }

                    foreach (var (partner, p) in partners)
                    {
                        if (partner == workers[b])
                        {
                            answerP[a] = Math.Min(answerP[a], (float)p);
                            answerP[b] = Math.Min(answerP[b], (float)p);
                        }
                    }
                }
            }
        }

        return answerP;
    }

    private static int Find(int[] root, int w)
    {
        while (root[w] != w)
        {
            root[w] = root[root[w]];
            w = root[w];
        }

        return w;
    }

    private static int IndexOf(IReadOnlyList<int> list, int value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
