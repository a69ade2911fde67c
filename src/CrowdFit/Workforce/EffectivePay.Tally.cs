using CrowdFit.Answers;

namespace CrowdFit.Workforce;

public static partial class EffectivePay
{
    /// <summary>Running sums of one worker's answers on one task type (or over all types, or a whole type).</summary>
    private struct Tally
    {
        public int Answers;
        public int UnknownTime;
        public int UnknownReward;
        public double Paid;
        public double TimedPaid;
        public double Hours;

        public void Add(Claims claims, ReadOnlySpan<double> hours, int answer)
        {
            Answers++;
            var reward = claims.Reward[answer];
            var rewarded = !double.IsNaN(reward);
            Paid += rewarded ? reward : 0;
            if (claims.Start[answer] == AnswerContext.MissingTicks)
            {
                UnknownTime++;
            }
            else if (!rewarded)
            {
                UnknownReward++;
            }
            else
            {
                TimedPaid += reward;
                Hours += hours[answer];
            }
        }

        public void Add(in Tally other)
        {
            Answers += other.Answers;
            UnknownTime += other.UnknownTime;
            UnknownReward += other.UnknownReward;
            Paid += other.Paid;
            TimedPaid += other.TimedPaid;
            Hours += other.Hours;
        }

        public readonly double Rate => Hours > 0 ? TimedPaid / Hours : double.NaN;

        public readonly WorkerPay ToRow(int worker, string workerId, int type, string? typeName, double floor)
        {
            var rate = Rate;
            var below = rate < floor;
            return new WorkerPay(
                worker,
                workerId,
                type,
                typeName,
                Answers,
                UnknownTime,
                UnknownReward,
                Paid,
                TimedPaid,
                Hours,
                rate,
                below,
                below ? floor - rate : 0,
                Math.Max(0, (floor * Hours) - TimedPaid));
        }
    }
}
