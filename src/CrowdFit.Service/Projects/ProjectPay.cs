using System.Globalization;
using System.Text.RegularExpressions;

namespace CrowdFit.Service.Projects;

/// <summary>Checks a project's <see cref="PayDto"/> and fills in its defaults.</summary>
internal static partial class ProjectPay
{
    /// <summary>Currency when the request names none.</summary>
    public const string DefaultCurrency = "USD";

    /// <summary>Hourly floor when the request names none: the US federal minimum wage, as <see cref="CrowdFit.Workforce.PayOptions.Floor"/>.</summary>
    public const double DefaultFloor = 7.25;

    /// <summary>Adds one error per bad field, named <c>pay.reward</c>, <c>pay.currency</c> or <c>pay.floorPerHour</c>.</summary>
    public static void Validate(PayDto? pay, Dictionary<string, string[]> errors)
    {
        if (pay is null)
        {
            return;
        }

        if (pay.Reward is not { } reward)
        {
            errors["pay.reward"] = ["The reward per answer is required when pay is given."];
        }
        else if (!(reward >= 0) || double.IsInfinity(reward))
        {
            errors["pay.reward"] = [string.Create(CultureInfo.InvariantCulture, $"The reward per answer must be zero or more and finite (was {reward}).")];
        }

        if (pay.Currency is { } currency && !CurrencyPattern().IsMatch(currency))
        {
            errors["pay.currency"] = [$"The currency must be an ISO 4217 code of three capital letters, such as USD (was '{currency}')."];
        }

        if (pay.FloorPerHour is { } floor && (!(floor > 0) || double.IsInfinity(floor)))
        {
            errors["pay.floorPerHour"] = [string.Create(CultureInfo.InvariantCulture, $"The hourly floor must be positive and finite (was {floor}).")];
        }
    }

    /// <summary>The pay with its defaults filled in; null stays null. Call after <see cref="Validate"/> found nothing.</summary>
    public static PayDto? Complete(PayDto? pay) =>
        pay is null ? null : new PayDto(pay.Reward, pay.Currency ?? DefaultCurrency, pay.FloorPerHour ?? DefaultFloor);

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
