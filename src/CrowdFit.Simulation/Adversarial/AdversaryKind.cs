namespace CrowdFit.Simulation.Adversarial;

/// <summary>What a simulated account is: an honest worker or one of the adversaries of SPEC H1.</summary>
public enum AdversaryKind
{
    /// <summary>Answers with its own skill per task type, at its own pace, on a daily schedule in its time zone.</summary>
    Honest,

    /// <summary>Clicks a label uniformly at random, quickly.</summary>
    UniformSpammer,

    /// <summary>Gives (almost) the same label to everything, quickly.</summary>
    ConstantSpammer,

    /// <summary>A script: random labels in one to three seconds at machine-regular intervals, round the clock, from a data-centre address.</summary>
    FastBot,

    /// <summary>Works honestly but inflates the claimed time of some tasks, so claimed intervals overlap.</summary>
    TimeThief,

    /// <summary>Recognises gold tasks and answers them right; careless (random) elsewhere.</summary>
    GoldAware,

    /// <summary>Honest for a while, then answers at random.</summary>
    Sleeper,

    /// <summary>A colluding group: a careless leader and accounts that copy its answers seconds later from one address range, some on one device.</summary>
    Ring,

    /// <summary>One account worked by several people in different time zones and countries, round the clock, paid to one country.</summary>
    SharedAccount,

    /// <summary>Many new accounts behind one device and address range, opened in a burst late in the log, working carelessly.</summary>
    AccountFarm,
}
