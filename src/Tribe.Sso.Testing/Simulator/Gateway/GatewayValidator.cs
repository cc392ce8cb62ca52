using System;
using System.Collections.Generic;
using System.Linq;
using GraphQLParser;
using GraphQLParser.AST;

namespace Tribe.Sso.Testing;

/// <summary>
/// The GraphQL specification's validation rules that apply to this schema, in the reference implementation's words:
/// executable definitions, one operation to run, known types, fields and arguments, leaf and composite selections,
/// required arguments, literal values, variables defined, used and in an allowed position, fragments known, used,
/// applicable and without cycles, directives known and in their place (<c>GatewayValidator.Directives.cs</c>). Each fragment is checked once, so no document makes
/// the work grow beyond its length; <see cref="GatewayLimits"/> bounds depth and size.
/// </summary>
internal sealed partial class GatewayValidator
{
    /// <summary>How many errors graphql-js reports before it stops with <see cref="TooManyErrors"/>.</summary>
    private const int MaxErrors = 100;
    private const string TooManyErrors = "Too many validation errors, error limit reached. Validation aborted.";

    private readonly GatewaySchema _schema = GatewaySchema.Instance;
    private readonly ROM _source;
    private readonly List<GatewayError> _errors = new();
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly HashSet<string> _spread = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Usage>> _fragmentUsages = new(StringComparer.Ordinal);
    private List<Usage> _usages = new();

    private GatewayValidator(ROM source) => _source = source;

    /// <summary>Checks the document; on success gives the operation to run.</summary>
    public static IReadOnlyList<GatewayError> Validate(GraphQLDocument document, ROM source, string? operationName, out GraphQLOperationDefinition? operation)
    {
        var validator = new GatewayValidator(source);
        try
        {
            operation = validator.Run(document, operationName);
        }
        catch (GatewayException)
        {
            operation = null; // past MaxErrors: the errors end with the one saying validation stopped
        }

        return validator._errors;
    }

    private GraphQLOperationDefinition? Run(GraphQLDocument document, string? operationName)
    {
        var operations = new List<GraphQLOperationDefinition>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    operations.Add(operation);
                    break;
                case GraphQLFragmentDefinition fragment when _fragments.ContainsKey(fragment.FragmentName.Name.StringValue):
                    Error("There can be only one fragment named \"" + fragment.FragmentName.Name.StringValue + "\".", fragment);
                    break;
                case GraphQLFragmentDefinition fragment:
                    _fragments.Add(fragment.FragmentName.Name.StringValue, fragment);
                    break;
                default:
                    Error("The " + definition.Kind + " definition is not executable.", definition);
                    break;
            }
        }

        if (operations.Count > 1 && operations.Any(o => o.Name is null))
        {
            Error("This anonymous operation must be the only defined operation.", operations.First(o => o.Name is null));
        }

        foreach (var group in operations.Where(o => o.Name is not null).GroupBy(o => o.Name!.StringValue).Where(g => g.Count() > 1))
        {
            Error("There can be only one operation named \"" + group.Key + "\".", group.ElementAt(1));
        }

        foreach (var fragment in _fragments.Values)
        {
            Directives(fragment, "FRAGMENT_DEFINITION");
            var typeName = fragment.TypeCondition.Type.Name.StringValue;
            if (_schema.Find(typeName) is not GraphQLObjectTypeDefinition)
            {
                Error(_schema.Exists(typeName) ? "Fragment \"" + fragment.FragmentName.Name.StringValue + "\" cannot condition on non composite type \"" + typeName + "\"." : "Unknown type \"" + typeName + "\".", fragment.TypeCondition);
                continue;
            }

            _usages = _fragmentUsages[fragment.FragmentName.Name.StringValue] = new List<Usage>();
            SelectionSet(fragment.SelectionSet, typeName);
        }

        foreach (var operation in operations)
        {
            Operation(operation);
        }

        foreach (var unused in _fragments.Keys.Where(name => !_spread.Contains(name)))
        {
            Error("Fragment \"" + unused + "\" is never used.", _fragments[unused]);
        }

        GatewayLimits.Check(operations, _fragments, this);
        if (_errors.Count == 0)
        {
            Merging(document);
        }

        var chosen = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name is { } name && name.StringValue == operationName);
        if (chosen is null && _errors.Count == 0)
        {
            Error(operations.Count == 0 ? "The document has no operation to run." : operationName is null ? "Must provide operation name if query contains multiple operations." : "Unknown operation named \"" + operationName + "\".", null);
        }

        return _errors.Count == 0 ? chosen : null;
    }

    /// <summary>Records a validation error at a node's position.</summary>
    internal void Error(string message, ASTNode? node) => ErrorAt(message, node is null ? Array.Empty<ASTNode>() : new[] { node });

    /// <summary>Records a validation error at the positions of the document's nodes it concerns (none: no locations).</summary>
    /// <exception cref="GatewayException">It would be one error more than <see cref="MaxErrors"/>: validation stops, as graphql-js's does.</exception>
    private void ErrorAt(string message, IReadOnlyCollection<ASTNode> nodes)
    {
        if (_errors.Count >= MaxErrors)
        {
            _errors.Add(new GatewayError(GatewayCodes.ValidationFailed, TooManyErrors));
            throw new GatewayException(GatewayCodes.ValidationFailed, TooManyErrors);
        }

        // Every node here is the parsed document's, and the parser keeps each node's place.
        var locations = nodes.Select(n => Location.FromLinearPosition(_source, n.Location.Start)).Select(p => (p.Line, p.Column)).ToList();
        _errors.Add(new GatewayError(GatewayCodes.ValidationFailed, message, locations: locations.Count == 0 ? null : locations));
    }

    private void Operation(GraphQLOperationDefinition operation)
    {
        _usages = new List<Usage>();
        Directives(operation, operation.Operation.ToString().ToUpperInvariant());
        var rootType = GatewaySchema.RootTypeName(operation.Operation);
        if (rootType is null)
        {
            Error("Schema is not configured to execute " + operation.Operation.ToString().ToLowerInvariant() + " operation.", operation);
            return;
        }

        var declared = new Dictionary<string, GraphQLVariableDefinition>(StringComparer.Ordinal);
        foreach (var variable in operation.Variables?.Items ?? new List<GraphQLVariableDefinition>())
        {
            var name = variable.Variable.Name.StringValue;
            var typeName = GatewaySchema.NamedType(variable.Type);
            Directives(variable, "VARIABLE_DEFINITION");
            if (declared.ContainsKey(name))
            {
                Error("There can be only one variable named \"$" + name + "\".", variable);
            }
            else if (!_schema.Exists(typeName))
            {
                Error("Unknown type \"" + typeName + "\".", variable.Type);
            }
            else if (!_schema.IsInput(typeName))
            {
                Error("Variable \"$" + name + "\" cannot be non-input type \"" + GatewaySchema.Print(variable.Type) + "\".", variable.Type);
            }
            else if (variable.DefaultValue is { } defaultValue)
            {
                Literal(defaultValue, variable.Type, "Variable \"$" + name + "\"");
            }

            declared[name] = variable;
        }

        SelectionSet(operation.SelectionSet, rootType);
        var usages = new List<Usage>(_usages);
        foreach (var fragment in Reachable(operation.SelectionSet))
        {
            usages.AddRange(_fragmentUsages.TryGetValue(fragment, out var used) ? used : new List<Usage>());
        }

        var inOperation = operation.Name is { } named ? " in operation \"" + named.StringValue + "\"" : string.Empty;
        foreach (var usage in usages)
        {
            if (!declared.TryGetValue(usage.Name, out var definition))
            {
                Error("Variable \"$" + usage.Name + "\" is not defined" + inOperation + ".", usage.Node);
            }
            else if (!GatewayTypes.Fits(definition.Type, usage.Expected, definition.DefaultValue is not null and not GraphQLNullValue))
            {
                Error("Variable \"$" + usage.Name + "\" of type \"" + GatewaySchema.Print(definition.Type) + "\" used in position expecting type \"" + GatewaySchema.Print(usage.Expected) + "\".", usage.Node);
            }
        }

        foreach (var unused in declared.Values.Where(d => usages.All(u => u.Name != d.Variable.Name.StringValue)))
        {
            Error("Variable \"$" + unused.Variable.Name.StringValue + "\" is never used" + inOperation + ".", unused);
        }
    }

    /// <summary>The fragments an operation spreads, directly or through other fragments, each once.</summary>
    private HashSet<string> Reachable(GraphQLSelectionSet set)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<GraphQLSelectionSet>();
        pending.Push(set);
        while (pending.Count > 0)
        {
            foreach (var selection in pending.Pop().Selections)
            {
                if (selection is GraphQLFragmentSpread spread && reached.Add(spread.FragmentName.Name.StringValue) && _fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment))
                {
                    pending.Push(fragment.SelectionSet);
                }
                else if (selection is IHasSelectionSetNode { SelectionSet: { } inner })
                {
                    pending.Push(inner);
                }
            }
        }

        return reached;
    }
}
