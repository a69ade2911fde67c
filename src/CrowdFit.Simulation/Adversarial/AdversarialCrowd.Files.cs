using System.Globalization;
using System.Text;

namespace CrowdFit.Simulation.Adversarial;

/// <summary>Writing the crowd: the canonical log, gold, and the truth beside them.</summary>
public sealed partial class AdversarialCrowd
{
    /// <summary>Name of the answer log.</summary>
    public const string AnswersFileName = "answers.csv";

    /// <summary>Name of the gold file.</summary>
    public const string GoldFileName = "gold.csv";

    /// <summary>Header of the answer log.</summary>
    public const string AnswersHeader = "task,worker,label,started_at,submitted_at,ip,device,country,payment_country,task_type,reward";

    /// <summary>
    /// Writes <c>answers.csv</c> (rows in submit-time order), <c>gold.csv</c>, <c>truth/workers.csv</c>
    /// (<c>worker,kind,group,accuracy,speed,payment_country,first_day,onset,answers</c>) and
    /// <c>truth/answers.csv</c> (<c>task,worker,true_label,is_bad,attack</c>) into <paramref name="directory"/>,
    /// and <c>truth/planted.csv</c> when the options have <see cref="AdversarialCrowdOptions.Plants"/>.
    /// </summary>
    /// <remarks>Each file is written under a temporary name and renamed into place only when all are complete.</remarks>
    /// <returns>The paths written.</returns>
    /// <exception cref="IOException">A file cannot be written; nothing is left half-written.</exception>
    public IReadOnlyList<string> WriteTo(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var truthDirectory = Path.Combine(directory, "truth");
        Directory.CreateDirectory(truthDirectory);
        var files = new List<(string Path, Action<TextWriter> Write)>
        {
            (Path.Combine(directory, AnswersFileName), WriteAnswers),
            (Path.Combine(directory, GoldFileName), WriteGold),
            (Path.Combine(truthDirectory, "workers.csv"), WriteAccounts),
            (Path.Combine(truthDirectory, "answers.csv"), WriteTruth),
        };
        if (_options.Plants is not null)
        {
            files.Add((Path.Combine(truthDirectory, PlantedFileName), WritePlanted));
        }

        var temporary = files.Select(f => $"{f.Path}.{Path.GetRandomFileName()}.tmp").ToArray();
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                using var writer = new StreamWriter(temporary[i], false, new UTF8Encoding(false), 1 << 16);
                files[i].Write(writer);
            }

            for (var i = 0; i < files.Count; i++)
            {
                File.Move(temporary[i], files[i].Path, overwrite: true);
            }
        }
        finally
        {
            foreach (var path in temporary)
            {
                File.Delete(path);
            }
        }

        return [.. files.Select(f => f.Path)];
    }

    /// <summary>Answer indices in submit-time order (ties by task, then account).</summary>
    private int[] InTimeOrder()
    {
        var order = Enumerable.Range(0, _answers.Length).ToArray();
        var keys = new long[_answers.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (long)Math.Floor(_answers[i].Submitted);
        }

        Array.Sort(keys, order);
        var start = 0;
        for (var i = 1; i <= order.Length; i++)
        {
            if (i == order.Length || keys[i] != keys[start])
            {
                Array.Sort(order, start, i - start, Comparer<int>.Create((x, y) => x.CompareTo(y)));
                start = i;
            }
        }

        return order;
    }

    private void WriteAnswers(TextWriter writer)
    {
        writer.Write(AnswersHeader);
        writer.Write('\n');
        Span<char> buffer = stackalloc char[64];
        foreach (var i in InTimeOrder())
        {
            var answer = _answers[i];
            var account = _accounts[answer.Account];
            var persona = account.People[answer.Person];
            var type = _options.TaskTypes[TaskTypeOf(answer.Task)];
            writer.Write(TaskId(answer.Task));
            writer.Write(',');
            writer.Write(account.Id);
            writer.Write(',');
            writer.Write(_options.Labels[answer.Label]);
            writer.Write(',');
            writer.Write(Timestamp(answer.Started, buffer));
            writer.Write(',');
            writer.Write(Timestamp(answer.Submitted, buffer));
            writer.Write(',');
            WriteAddress(writer, persona.Address(answer.Day, account.Index));
            writer.Write(',');
            writer.Write("d-");
            writer.Write(persona.DeviceOn(answer.Day, account.Index).ToString("x8", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(Countries.All[persona.LoginCountry].Code);
            writer.Write(',');
            writer.Write(Countries.All[account.PaymentCountry].Code);
            writer.Write(',');
            writer.Write(type.Name);
            writer.Write(',');
            writer.Write(RewardOf(type).ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    private void WriteGold(TextWriter writer)
    {
        writer.Write("task,label\n");
        for (var t = 0; t < _gold.Length; t++)
        {
            if (_gold[t])
            {
                writer.Write($"{TaskId(t)},{_options.Labels[_trueLabel[t]]}\n");
            }
        }
    }

    private void WriteAccounts(TextWriter writer)
    {
        writer.Write("worker,kind,group,accuracy,speed,payment_country,first_day,onset,answers\n");
        foreach (var a in Accounts)
        {
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"{a.Id},{a.Kind.Name()},{a.Group},{a.Accuracy:F3},{a.Speed:F3},{a.PaymentCountry},{a.FirstDay},{a.Onset},{a.Answers}\n"));
        }
    }

    private void WriteTruth(TextWriter writer)
    {
        writer.Write("task,worker,true_label,is_bad,attack\n");
        foreach (var i in InTimeOrder())
        {
            var answer = _answers[i];
            var account = _accounts[answer.Account];
            writer.Write(TaskId(answer.Task));
            writer.Write(',');
            writer.Write(account.Id);
            writer.Write(',');
            writer.Write(_options.Labels[_trueLabel[answer.Task]]);
            writer.Write(answer.Bad ? ",1," : ",0,");
            writer.Write(answer.Bad ? account.Kind.Name() : "none");
            writer.Write('\n');
        }
    }

    private int TaskTypeOf(int task) => _taskType[task];

    private string TaskId(int task) => "t" + task.ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(5, (_trueLabel.Length - 1).ToString(CultureInfo.InvariantCulture).Length), '0');

    private ReadOnlySpan<char> Timestamp(double seconds, Span<char> buffer)
    {
        var time = _options.Start.UtcDateTime.AddSeconds(Math.Floor(seconds));
        time.TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return buffer[..written];
    }

    private static void WriteAddress(TextWriter writer, uint address)
    {
        writer.Write((address >> 24).ToString(CultureInfo.InvariantCulture));
        writer.Write('.');
        writer.Write(((address >> 16) & 0xFF).ToString(CultureInfo.InvariantCulture));
        writer.Write('.');
        writer.Write(((address >> 8) & 0xFF).ToString(CultureInfo.InvariantCulture));
        writer.Write('.');
        writer.Write((address & 0xFF).ToString(CultureInfo.InvariantCulture));
    }
}
