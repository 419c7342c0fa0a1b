using System.Reflection;
using System.Text;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.House;

public class AuthorizationTests
{
    // Aggregates whose authorization table is still being written; each room removes itself when its table lands.
    private static readonly HashSet<string> Pending = [];

    private static readonly Type[] AllTypes = typeof(IDomainEvent).Assembly.GetTypes();

    [Fact]
    public void Every_command_names_who_may_take_it()
    {
        var missing = new List<string>();
        foreach (var aggregate in AllTypes.Where(IsAggregate).Where(t => !Pending.Contains(t.Name)))
        {
            var listed = Authorization.Matrix.Where(p => p.Aggregate == aggregate.Name).Select(p => p.Command).ToHashSet();
            var commands = aggregate.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(Actor)) && !m.Name.StartsWith("Can", StringComparison.Ordinal))
                .Where(m => m.GetCustomAttribute<ObsoleteAttribute>() is null) // a former name kept for one version forwards to its command
                .Select(m => m.Name)
                .Distinct();
            missing.AddRange(commands.Where(c => !listed.Contains(c)).Select(c => $"{aggregate.Name}.{c}"));
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_command_in_the_matrix_has_someone_who_may_take_it()
    {
        Assert.NotEmpty(Authorization.Matrix);
        Assert.All(Authorization.Matrix, p => Assert.NotEmpty(p.WhoMayAct));
    }

    [Fact]
    public void The_authorization_matrix_in_docs_matches_the_code() =>
        GeneratedFile.AssertUpToDate("docs/authorization.md", Render());

    [Fact]
    public void Every_event_names_its_aggregate_in_its_first_property()
    {
        var events = AllTypes.Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && !t.IsInterface);
        Assert.All(events, e =>
        {
            var first = e.GetConstructors().Select(c => c.GetParameters()).OrderByDescending(p => p.Length).First()[0];
            Assert.True(first.ParameterType.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITypedId<>)), $"{e.Name} starts with {first.Name}, not with its aggregate's id.");
        });
    }

    private static string Render()
    {
        var text = new StringBuilder();
        text.Append("# Who may do what\n\n");
        text.Append("Every command checks who acts before anything else. A missing or ill-formed actor is refused with\n");
        text.Append("`Kernel.ActorRequired`, an instant outside the years 1900 to 2999 with `Kernel.OutOfRange`, and anyone who holds\n");
        text.Append("none of the roles below with the code in the last column; the aggregate is left unchanged. Where a command names\n");
        text.Append("\"the host system\", the host calls it as `Actor.System(\"...\")`, for example from its scheduler.\n\n");
        text.Append("This file is generated from the aggregates' authorization tables (`Authorization.Matrix`) and checked by a test.\n");
        foreach (var aggregate in Authorization.Matrix.GroupBy(p => p.Aggregate))
        {
            text.Append("\n## ").Append(aggregate.Key).Append("\n\n| command | who may take it | refused with |\n|---|---|---|\n");
            foreach (var permission in aggregate)
            {
                text.Append("| `").Append(permission.Command).Append("` | ")
                    .Append(string.Join("; or ", permission.WhoMayAct))
                    .Append(" | `").Append(permission.RefusedWith.Code).Append("` |\n");
            }
        }

        return text.ToString();
    }

    private static bool IsAggregate(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AggregateRoot<>))
            {
                return !type.IsAbstract;
            }
        }

        return false;
    }
}
