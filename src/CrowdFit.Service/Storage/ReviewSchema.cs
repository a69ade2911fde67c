using Microsoft.EntityFrameworkCore;

namespace CrowdFit.Service.Storage;

/// <summary>The review and appeal tables in the schema <see cref="CrowdFitDb"/> creates.</summary>
internal static class ReviewSchema
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReviewCaseRow>(e =>
        {
            e.ToTable("review_cases").HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasIndex(c => new { c.ProjectId, c.Status, c.Id });
            e.HasIndex(c => new { c.ProjectId, c.WorkerId });
            e.HasIndex(c => c.AnswerId);
        });
        modelBuilder.Entity<AppealRow>(e =>
        {
            e.ToTable("appeals").HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.HasIndex(a => a.AnswerId).IsUnique();
            e.HasIndex(a => new { a.WorkerId, a.Id });
            e.HasIndex(a => new { a.Status, a.Id });
        });
    }
}
