using System.Text;
using Microsoft.EntityFrameworkCore;

namespace CrowdFit.Service.Storage;

/// <summary>The schema and the simple reads and writes (projects, keys); the hot path goes through <see cref="CommitQueue"/>.</summary>
internal sealed class CrowdFitDb(DbContextOptions<CrowdFitDb> options) : DbContext(options)
{
    public DbSet<ProjectRow> Projects => Set<ProjectRow>();
    public DbSet<TaskRow> Tasks => Set<TaskRow>();
    public DbSet<GoldRow> Gold => Set<GoldRow>();
    public DbSet<WorkerRow> Workers => Set<WorkerRow>();
    public DbSet<AnswerRow> Answers => Set<AnswerRow>();
    public DbSet<DecisionLogRow> DecisionLog => Set<DecisionLogRow>();
    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProjectRow>(e =>
        {
            e.ToTable("projects").HasKey(p => p.Id);
            e.HasIndex(p => p.Seq).IsUnique();
        });
        modelBuilder.Entity<TaskRow>(e =>
        {
            e.ToTable("tasks").HasKey(t => t.Seq);
            e.Property(t => t.Seq).ValueGeneratedNever();
            e.HasIndex(t => new { t.ProjectId, t.TaskId }).IsUnique();
        });
        modelBuilder.Entity<GoldRow>(e => e.ToTable("gold").HasKey(g => new { g.ProjectId, g.TaskId }));
        modelBuilder.Entity<WorkerRow>(e =>
        {
            e.ToTable("workers").HasKey(w => w.Seq);
            e.Property(w => w.Seq).ValueGeneratedNever();
            e.HasIndex(w => new { w.ProjectId, w.WorkerId });
        });
        modelBuilder.Entity<AnswerRow>(e =>
        {
            e.ToTable("answers").HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.HasIndex(a => new { a.ProjectId, a.Id });
        });
        modelBuilder.Entity<DecisionLogRow>(e =>
        {
            e.ToTable("decision_log").HasKey(d => d.Seq);
            e.Property(d => d.Seq).ValueGeneratedNever();
            e.HasIndex(d => new { d.ProjectId, d.Position }).IsUnique();
        });
        modelBuilder.Entity<ApiKeyRow>(e => e.ToTable("api_keys").HasKey(k => k.Hash));
        ReviewSchema.Configure(modelBuilder);

        // Lower-case snake_case names, so hand-written SQL reads the same on SQLite and PostgreSQL.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(Snake(property.Name));
            }
        }
    }

    private static string Snake(string name)
    {
        var s = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && s.Length > 0)
            {
                s.Append('_');
            }

            s.Append(char.ToLowerInvariant(c));
        }

        return s.ToString();
    }
}
