using GraphQLParser.AST;

namespace Tribe.Sso.Testing;

/// <summary>Type references the gateway needs beside the schema's own.</summary>
internal static class GatewayTypes
{
    /// <summary>Gets <c>Boolean!</c>, the type of <c>@skip(if:)</c> and <c>@include(if:)</c>.</summary>
    public static GraphQLType NonNullBoolean { get; } = new GraphQLNonNullType(new GraphQLNamedType(new GraphQLName("Boolean")));

    /// <summary>
    /// Whether a variable of type <paramref name="variable"/> may be used where <paramref name="location"/> is expected,
    /// as the specification's IsVariableUsageAllowed says; a default on either side lets a nullable variable fill a
    /// non-null place.
    /// </summary>
    public static bool Fits(GraphQLType variable, GraphQLType location, bool hasDefault)
    {
        if (location is GraphQLNonNullType nonNullLocation && variable is not GraphQLNonNullType)
        {
            return hasDefault && Compatible(variable, nonNullLocation.Type);
        }

        return Compatible(variable, location);
    }

    private static bool Compatible(GraphQLType variable, GraphQLType location) => (variable, location) switch
    {
        (GraphQLNonNullType v, GraphQLNonNullType l) => Compatible(v.Type, l.Type),
        (_, GraphQLNonNullType) => false,
        (GraphQLNonNullType v, _) => Compatible(v.Type, location),
        (GraphQLListType v, GraphQLListType l) => Compatible(v.Type, l.Type),
        (_, GraphQLListType) or (GraphQLListType, _) => false,
        _ => ((GraphQLNamedType)variable).Name.StringValue == ((GraphQLNamedType)location).Name.StringValue, // a type is named, a list or non-null
    };
}
