namespace CrowdFit.Service.Review;

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items on this page.</param>
/// <param name="Number">1-based page number.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="Total">Items on all pages.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int PageSize, long Total);
