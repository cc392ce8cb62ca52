using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;

namespace Tribe.Sso.Testing;

/// <content>
/// Directives, wherever a document may carry them (operations, variable and fragment definitions, fields, spreads and
/// inline fragments): known, in a place their definition allows, at most once in a place, with known and required
/// arguments of the right type. The directives are graphql-js 16's: only <c>@skip</c> and <c>@include</c> may stand
/// in an executable document.
/// </content>
internal sealed partial class GatewayValidator
{
    private static readonly string[] Conditional = { "FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT" };

    private static readonly Dictionary<string, (string[] Locations, (string Name, GraphQLType Type)[] Arguments)> KnownDirectives = new()
    {
        ["skip"] = (Conditional, new[] { ("if", GatewayTypes.NonNullBoolean) }),
        ["include"] = (Conditional, new[] { ("if", GatewayTypes.NonNullBoolean) }),
        ["deprecated"] = (new[] { "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INPUT_FIELD_DEFINITION", "ENUM_VALUE" }, new[] { ("reason", (GraphQLType)Named("String")) }),
        ["specifiedBy"] = (new[] { "SCALAR" }, new[] { ("url", (GraphQLType)new GraphQLNonNullType(Named("String"))) }),
        ["oneOf"] = (new[] { "INPUT_OBJECT" }, System.Array.Empty<(string, GraphQLType)>()),
    };

    /// <summary>Checks the directives of a node standing at <paramref name="location"/>, such as <c>QUERY</c> or <c>FIELD</c>.</summary>
    private void Directives(IHasDirectivesNode? node, string location)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var directive in node?.Directives?.Items ?? new List<GraphQLDirective>())
        {
            var name = directive.Name.StringValue;
            if (!KnownDirectives.TryGetValue(name, out var definition))
            {
                Error("Unknown directive \"@" + name + "\".", directive);
                continue;
            }

            if (!definition.Locations.Contains(location))
            {
                Error("Directive \"@" + name + "\" may not be used on " + location + ".", directive);
            }

            if (!seen.Add(name))
            {
                Error("The directive \"@" + name + "\" can only be used once at this location.", directive);
            }

            DirectiveArguments(directive, name, definition.Arguments);
        }
    }

    private void DirectiveArguments(GraphQLDirective directive, string name, (string Name, GraphQLType Type)[] declared)
    {
        var given = directive.Arguments?.Items ?? new List<GraphQLArgument>();
        foreach (var group in given.GroupBy(a => a.Name.StringValue).Where(g => g.Count() > 1))
        {
            Error("There can be only one argument named \"" + group.Key + "\".", group.ElementAt(1));
        }

        foreach (var argument in given)
        {
            var argumentName = argument.Name.StringValue;
            var declaration = declared.FirstOrDefault(d => d.Name == argumentName);
            if (declaration.Name is null)
            {
                Error("Unknown argument \"" + argumentName + "\" on directive \"@" + name + "\".", argument);
                continue;
            }

            Literal(argument.Value, declaration.Type, "Directive \"@" + name + "\" argument \"" + argumentName + "\"");
        }

        foreach (var (requiredName, type) in declared.Where(d => d.Type is GraphQLNonNullType && given.All(a => a.Name.StringValue != d.Name)))
        {
            Error("Directive \"@" + name + "\" argument \"" + requiredName + "\" of type \"" + GatewaySchema.Print(type) + "\" is required, but it was not provided.", directive);
        }
    }

    private static GraphQLNamedType Named(string name) => new GraphQLNamedType(new GraphQLName(name));
}
