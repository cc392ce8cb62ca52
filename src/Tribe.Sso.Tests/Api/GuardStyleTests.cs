using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Tribe.Sso.Tests.Issuing;

namespace Tribe.Sso.Tests.Api;

/// <summary>
/// One guard style, enforced: every public method and constructor of Tribe.Sso refuses null for each parameter that is
/// not declared nullable, with an <see cref="ArgumentNullException"/> that names that parameter.
/// </summary>
public class GuardStyleTests
{
    private static readonly Dictionary<Type, Func<object>> Valid = new()
    {
        [typeof(string)] = () => "valid-value",
        [typeof(Uri)] = () => new Uri("https://cdn.example.com/p.png"),
        [typeof(TribeSsoUser)] = Issuers.Jane,
        [typeof(TribeSsoOptions)] = () => Issuers.Options(),
        [typeof(TribeSsoKey)] = () => TribeSsoKey.FromString(TestKeys.Primary),
        [typeof(TribeGroup[])] = () => new[] { TribeGroup.FromId("g1") },
        [typeof(IEnumerable<TribeGroup>)] = () => new[] { TribeGroup.FromId("g1") },
    };

    private static readonly Dictionary<Type, Func<object>> Instances = new()
    {
        [typeof(TribeSsoIssuer)] = () => Issuers.AtFixedClock(),
        [typeof(TribeSsoUserBuilder)] = () => TribeSsoUser.Create("42", "Jane Doe", "jane@example.com"),
    };

    public static IEnumerable<TestCaseData> NonNullableParameters()
    {
        var nullability = new NullabilityInfoContext();
        foreach (var type in typeof(TribeSsoIssuer).Assembly.GetExportedTypes())
        {
            var members = type.GetConstructors().Cast<MethodBase>()
                .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName));
            foreach (var member in members)
            {
                foreach (var parameter in member.GetParameters())
                {
                    if (!parameter.ParameterType.IsValueType && nullability.Create(parameter).WriteState == NullabilityState.NotNull)
                    {
                        yield return new TestCaseData(member, parameter.Position).SetName($"{type.Name}.{member.Name}({parameter.ParameterType.Name} {parameter.Name}: null)");
                    }
                }
            }
        }
    }

    [TestCaseSource(nameof(NonNullableParameters))]
    public void NullArgument_ThrowsArgumentNullExceptionNamingTheParameter(MethodBase member, int position)
    {
        var parameters = member.GetParameters();
        var arguments = parameters.Select(p => p.Position == position ? null : ValidValue(p)).ToArray();
        var target = member.IsStatic || member is ConstructorInfo ? null : Instances[member.DeclaringType!]();

        var exception = Catch(() => _ = member is ConstructorInfo constructor ? constructor.Invoke(arguments) : member.Invoke(target, arguments));

        exception.Should().BeOfType<ArgumentNullException>()
            .Which.ParamName.Should().Be(parameters[position].Name);
    }

    [Test]
    public void TheTableCoversThePublicApi()
    {
        NonNullableParameters().Count().Should().BeGreaterThan(20);
    }

    private static object? ValidValue(ParameterInfo parameter) => parameter.ParameterType.IsValueType
        ? (parameter.HasDefaultValue ? parameter.DefaultValue : Activator.CreateInstance(parameter.ParameterType))
        : parameter.HasDefaultValue ? parameter.DefaultValue : Valid[parameter.ParameterType]();

    private static Exception? Catch(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (TargetInvocationException e)
        {
            return e.InnerException;
        }
    }
}
