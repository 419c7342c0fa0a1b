using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Coalitions.Core.Tests.House;

/// <summary>
/// Writes the API reference of an assembly as markdown, one page per namespace: every public type, its public (and,
/// where a caller can derive from the type, protected) members with their C# signatures, and the summary, remarks,
/// parameters, return value, exceptions and examples from the XML documentation the compiler wrote beside the assembly.
/// Compiler-generated members (a record's equality, Deconstruct, PrintMembers) are left out; so are property accessors.
/// The output depends on the assembly and its XML only: types and members in ordinal order, no dates, no paths.
/// </summary>
internal sealed partial class ApiReference
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private readonly Assembly _assembly;
    private readonly Dictionary<string, XElement> _docs;
    private readonly NullabilityInfoContext _nullability = new();

    public ApiReference(Assembly assembly, XDocument xml)
    {
        _assembly = assembly;
        _docs = xml.Descendants("member")
            .Where(m => m.Attribute("name") is not null)
            .GroupBy(m => m.Attribute("name")!.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The public types, by namespace, in ordinal order.</summary>
    public IReadOnlyList<(string Namespace, IReadOnlyList<Type> Types)> Namespaces() =>
        _assembly.GetExportedTypes()
            .GroupBy(t => t.Namespace ?? "")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<Type>)[.. g.OrderBy(DisplayName, StringComparer.Ordinal)]))
            .ToList();

    /// <summary>The page of one namespace.</summary>
    public string Page(string ns, IReadOnlyList<Type> types, string about)
    {
        var page = new StringBuilder();
        page.Append("# ").Append(ns).Append("\n\n");
        page.Append(about).Append("\n\n");
        page.Append("Generated from the XML documentation and the compiled assembly by `tests/Coalitions.Core.Tests/House/ApiReferenceTests.cs`; ")
            .Append("do not edit it by hand. Back to the [index](README.md).\n\n");
        page.Append("| type | kind | summary |\n|---|---|---|\n");
        foreach (var type in types)
        {
            page.Append("| [`").Append(Cell(DisplayName(type))).Append("`](#").Append(Anchor(DisplayName(type))).Append(") | ")
                .Append(Kind(type)).Append(" | ").Append(Cell(FirstSentence(Summary(type)))).Append(" |\n");
        }

        foreach (var type in types)
        {
            page.Append('\n');
            WriteType(page, type);
        }

        return page.ToString();
    }

    /// <summary>The members shown whose documentation was not found: a wrong documentation id, or a missing comment.</summary>
    public IEnumerable<string> Undocumented() =>
        Namespaces().SelectMany(n => n.Types).SelectMany(type =>
            (Doc(TypeId(type)) is null ? [TypeId(type)] : Array.Empty<string>())
            .Concat(type.IsEnum ? [] : Members(type).Where(m => Resolve(m.Member) is null && m.Member is not ConstructorInfo { IsPublic: true } and not ConstructorInfo { IsFamily: true } || m.Member is ConstructorInfo c && c.GetParameters().Length > 0 && Resolve(c) is null).Select(m => MemberId(m.Member))));

    public static string DisplayName(Type type)
    {
        var name = type.IsNested ? DisplayName(type.DeclaringType!) + "." + Plain(type.Name) : Plain(type.Name);
        var own = type.GetGenericArguments().Skip(type.IsNested ? type.DeclaringType!.GetGenericArguments().Length : 0).ToArray();
        return own.Length == 0 ? name : name + "<" + string.Join(", ", own.Select(a => a.Name)) + ">";
    }

    public string Summary(Type type) => Text(Doc(TypeId(type))?.Element("summary"));

    public static string FirstSentence(string text)
    {
        text = text.Split("\n\n")[0].ReplaceLineEndings(" ");
        var end = SentenceEnd().Match(text);
        return end.Success ? text[..(end.Index + 1)] : text;
    }

    /// <summary>GitHub's heading anchors: lower case, letters, digits, hyphens and underscores kept, spaces as hyphens.</summary>
    public static string Anchor(string heading) =>
        new(heading.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ').Select(c => c == ' ' ? '-' : c).ToArray());

    public static string Kind(Type type) =>
        type.IsEnum ? "enum"
        : type.IsInterface ? "interface"
        : typeof(Delegate).IsAssignableFrom(type) ? "delegate"
        : type.IsValueType ? (IsRecord(type) ? "record struct" : "struct")
        : type.IsAbstract && type.IsSealed ? "static class"
        : IsRecord(type) ? "record"
        : "class";

    private void WriteType(StringBuilder page, Type type)
    {
        page.Append("## `").Append(DisplayName(type)).Append("`\n\n");
        page.Append('`').Append(Declaration(type)).Append("`\n\n");
        var doc = Doc(TypeId(type));
        WriteProse(page, doc, "");
        WriteTypeParameters(page, doc, "");

        if (type.IsEnum)
        {
            WriteEnum(page, type);
            return;
        }

        if (doc?.Element("threadsafety") is { } safety)
        {
            page.Append("Thread safety: ").Append(Text(safety)).Append("\n\n");
        }

        var members = Members(type).ToList();
        foreach (var group in members.GroupBy(m => Section(m.Member)).OrderBy(g => g.Key))
        {
            page.Append("**").Append(SectionName(group.Key)).Append("**\n\n");
            foreach (var (member, signature) in group.OrderBy(m => m.Member.Name, StringComparer.Ordinal).ThenBy(m => m.Signature, StringComparer.Ordinal))
            {
                page.Append("- `").Append(signature).Append("`\n");
                var memberDoc = Resolve(member);
                var body = new StringBuilder();
                WriteProse(body, memberDoc, "  ");
                WriteTypeParameters(body, memberDoc, "  ");
                WriteDetails(body, memberDoc, member);
                if (body.Length > 0)
                {
                    page.Append('\n').Append(body);
                }
                else
                {
                    page.Append('\n');
                }
            }
        }
    }

    private void WriteEnum(StringBuilder page, Type type)
    {
        page.Append("| value | number | meaning |\n|---|---|---|\n");
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(f => Convert.ToInt64(f.GetRawConstantValue(), CultureInfo.InvariantCulture)).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            page.Append("| `").Append(field.Name).Append("` | ")
                .Append(Convert.ToInt64(field.GetRawConstantValue(), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)).Append(" | ")
                .Append(Cell(Text(Doc("F:" + TypeId(type)[2..] + "." + field.Name)?.Element("summary")))).Append(" |\n");
        }
    }

    private static void WriteProse(StringBuilder page, XElement? doc, string indent)
    {
        foreach (var part in new[] { "summary", "remarks" })
        {
            var text = Text(doc?.Element(part));
            if (text.Length > 0)
            {
                page.Append(Indent(text, indent)).Append("\n\n");
            }
        }
    }

    private static void WriteTypeParameters(StringBuilder page, XElement? doc, string indent)
    {
        foreach (var parameter in doc?.Elements("typeparam") ?? [])
        {
            page.Append(indent).Append("- type parameter `").Append(parameter.Attribute("name")?.Value).Append("`: ").Append(Text(parameter).ReplaceLineEndings(" ")).Append('\n');
        }

        if (doc?.Elements("typeparam").Any() == true)
        {
            page.Append('\n');
        }
    }

    private static void WriteDetails(StringBuilder page, XElement? doc, MemberInfo member)
    {
        var lines = new List<string>();
        var documented = doc?.Elements("param").ToDictionary(p => p.Attribute("name")?.Value ?? "", p => Text(p), StringComparer.Ordinal) ?? [];
        var parameters = member switch
        {
            MethodBase method => method.GetParameters(),
            PropertyInfo property => property.GetIndexParameters(),
            _ => [],
        };
        foreach (var parameter in parameters)
        {
            lines.Add($"`{parameter.Name}`: " + (documented.TryGetValue(parameter.Name ?? "", out var text) ? text.ReplaceLineEndings(" ") : "(not documented)"));
        }

        if (doc?.Element("returns") is { } returns && Text(returns) is { Length: > 0 } returned)
        {
            lines.Add("returns: " + returned.ReplaceLineEndings(" "));
        }

        if (doc?.Element("value") is { } value && Text(value) is { Length: > 0 } valued)
        {
            lines.Add("value: " + valued.ReplaceLineEndings(" "));
        }

        foreach (var exception in doc?.Elements("exception") ?? [])
        {
            lines.Add($"throws `{CrefName(exception.Attribute("cref")?.Value ?? "")}`: " + Text(exception).ReplaceLineEndings(" "));
        }

        foreach (var line in lines)
        {
            page.Append("  - ").Append(line).Append('\n');
        }

        if (lines.Count > 0)
        {
            page.Append('\n');
        }

        foreach (var example in doc?.Elements("example") ?? [])
        {
            page.Append("  Example:\n\n").Append(Indent(Text(example), "  ")).Append("\n\n");
        }
    }

    private static string Indent(string text, string indent) =>
        string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : indent + l));

    private static int Section(MemberInfo member) => member switch
    {
        ConstructorInfo => 0,
        FieldInfo => 1,
        PropertyInfo => 2,
        EventInfo => 3,
        MethodInfo { IsSpecialName: true } => 5,
        _ => 4,
    };

    private static string SectionName(int section) => section switch
    {
        0 => "Constructors",
        1 => "Fields",
        2 => "Properties",
        3 => "Events",
        5 => "Operators",
        _ => "Methods",
    };

    private IEnumerable<(MemberInfo Member, string Signature)> Members(Type type)
    {
        foreach (var member in type.GetMembers(Declared))
        {
            if (!Visible(type, member) || member.IsDefined(typeof(CompilerGeneratedAttribute)))
            {
                continue;
            }

            var signature = member switch
            {
                ConstructorInfo constructor when !constructor.IsStatic => Constructor(type, constructor),
                MethodInfo { IsSpecialName: true } method when method.Name.StartsWith("op_", StringComparison.Ordinal) => Method(method),
                MethodInfo { IsSpecialName: false } method when !IsRecordPlumbing(type, method) => Method(method),
                PropertyInfo property when !(IsRecord(type) && property.Name == "EqualityContract") => Property(property),
                FieldInfo field when !field.IsSpecialName => Field(field),
                EventInfo @event => Event(@event),
                _ => null,
            };
            if (signature is not null)
            {
                yield return (member, signature);
            }
        }
    }

    private static bool Visible(Type type, MemberInfo member)
    {
        // Protected members matter only where a caller can derive from the type.
        var derivable = !type.IsSealed && !type.IsValueType && !type.IsInterface;
        return member switch
        {
            MethodBase method => method.IsPublic || (derivable && (method.IsFamily || method.IsFamilyOrAssembly)),
            FieldInfo field => field.IsPublic || (derivable && (field.IsFamily || field.IsFamilyOrAssembly)),
            PropertyInfo property => property.GetAccessors(nonPublic: true).Any(a => Visible(type, a)),
            EventInfo @event => @event.AddMethod is { } add && Visible(type, add),
            _ => false,
        };
    }

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$", Declared) is not null
        || (type.IsValueType && type.GetMethod("PrintMembers", Declared) is { } print && print.IsDefined(typeof(CompilerGeneratedAttribute)));

    /// <summary>A record's clone method, which C# code cannot call by name.</summary>
    private static bool IsRecordPlumbing(Type type, MethodInfo method) => IsRecord(type) && method.Name == "<Clone>$";

    private string Declaration(Type type)
    {
        var text = new StringBuilder(type.IsPublic || type.IsNestedPublic ? "public " : "protected ");
        if (type.IsEnum)
        {
            return text.Append("enum ").Append(DisplayName(type)).Append(Enum.GetUnderlyingType(type) == typeof(int) ? "" : " : " + TypeName(Enum.GetUnderlyingType(type))).ToString();
        }

        if (typeof(Delegate).IsAssignableFrom(type) && type != typeof(Delegate))
        {
            var invoke = type.GetMethod("Invoke")!;
            return text.Append("delegate ").Append(TypeName(invoke.ReturnType, _nullability.Create(invoke.ReturnParameter))).Append(' ')
                .Append(DisplayName(type)).Append('(').Append(Parameters(invoke)).Append(')').ToString();
        }

        if (type.IsInterface)
        {
            text.Append("interface ");
        }
        else if (type.IsValueType)
        {
            text.Append(type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly " : "").Append(IsRecord(type) ? "record struct " : "struct ");
        }
        else
        {
            text.Append(type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : "")
                .Append(IsRecord(type) ? "record " : "class ");
        }

        text.Append(DisplayName(type));
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType))
        {
            bases.Add(TypeName(baseType));
        }

        var inherited = (type.BaseType?.GetInterfaces() ?? []).Concat(type.GetInterfaces().SelectMany(i => i.GetInterfaces())).ToHashSet();
        bases.AddRange(type.GetInterfaces()
            .Where(i => i.IsVisible && !inherited.Contains(i) && !(IsRecord(type) && i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>)))
            .Select(i => TypeName(i))
            .Order(StringComparer.Ordinal));
        if (bases.Count > 0)
        {
            text.Append(" : ").Append(string.Join(", ", bases));
        }

        return text.Append(Constraints(type.IsGenericTypeDefinition ? type.GetGenericArguments() : [])).ToString();
    }

    private string Constructor(Type type, ConstructorInfo constructor) =>
        $"{Access(constructor)}{Plain(type.Name)}({Parameters(constructor)})";

    private string Method(MethodInfo method)
    {
        var text = new StringBuilder(Access(method));
        text.Append(Modifiers(method));
        var returns = TypeName(method.ReturnType, _nullability.Create(method.ReturnParameter));
        if (method.Name is "op_Implicit" or "op_Explicit")
        {
            return text.Append(method.Name == "op_Implicit" ? "implicit operator " : "explicit operator ").Append(returns).Append('(').Append(Parameters(method)).Append(')').ToString();
        }

        text.Append(returns).Append(' ');
        text.Append(Operators.TryGetValue(method.Name, out var op) ? "operator " + op : method.Name);
        if (method.IsGenericMethodDefinition)
        {
            text.Append('<').Append(string.Join(", ", method.GetGenericArguments().Select(a => a.Name))).Append('>');
        }

        text.Append('(').Append(method.IsDefined(typeof(ExtensionAttribute)) ? "this " : "").Append(Parameters(method)).Append(')');
        return text.Append(Constraints(method.IsGenericMethodDefinition ? method.GetGenericArguments() : [])).ToString();
    }

    private string Property(PropertyInfo property)
    {
        var getter = property.GetMethod;
        var setter = property.SetMethod;
        var main = getter ?? setter!;
        var text = new StringBuilder(Access(main)).Append(Modifiers(main));
        text.Append(TypeName(property.PropertyType, _nullability.Create(property))).Append(' ');
        var index = property.GetIndexParameters();
        text.Append(index.Length == 0 ? property.Name : "this[" + string.Join(", ", index.Select(Parameter)) + "]");
        text.Append(" { ");
        if (getter is not null && Visible(property.DeclaringType!, getter))
        {
            text.Append("get; ");
        }

        if (setter is not null && Visible(property.DeclaringType!, setter))
        {
            var init = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            text.Append(setter.IsPublic == main.IsPublic ? "" : Access(setter)).Append(init ? "init; " : "set; ");
        }

        return text.Append('}').ToString();
    }

    private string Field(FieldInfo field)
    {
        var text = new StringBuilder(Access(field));
        if (field.IsLiteral)
        {
            return text.Append("const ").Append(TypeName(field.FieldType)).Append(' ').Append(field.Name).Append(" = ").Append(Value(field.GetRawConstantValue(), field.FieldType)).ToString();
        }

        text.Append(field.IsStatic ? "static " : "").Append(field.IsInitOnly ? "readonly " : "");
        return text.Append(TypeName(field.FieldType, _nullability.Create(field))).Append(' ').Append(field.Name).ToString();
    }

    private string Event(EventInfo @event) =>
        $"{Access(@event.AddMethod!)}{Modifiers(@event.AddMethod!)}event {TypeName(@event.EventHandlerType!, _nullability.Create(@event))} {@event.Name}";

    private static string Access(MethodBase method) => method.IsPublic ? "public " : "protected ";

    private static string Access(FieldInfo field) => field.IsPublic ? "public " : "protected ";

    private static string Modifiers(MethodInfo method)
    {
        if (method.DeclaringType!.IsInterface)
        {
            return method.IsStatic && method.IsAbstract ? "static abstract " : method.IsStatic ? "static " : "";
        }

        if (method.IsStatic)
        {
            return "static ";
        }

        var isOverride = method.GetBaseDefinition() != method;
        return method.IsAbstract ? "abstract "
            : isOverride ? (method.IsFinal ? "sealed override " : "override ")
            : method.IsVirtual && !method.IsFinal ? "virtual "
            : "";
    }

    private string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(Parameter));

    private string Parameter(ParameterInfo parameter)
    {
        var text = new StringBuilder();
        var type = parameter.ParameterType;
        if (parameter.IsDefined(typeof(ParamArrayAttribute)) || parameter.IsDefined(typeof(ParamCollectionAttribute)))
        {
            text.Append("params ");
        }

        if (type.IsByRef)
        {
            text.Append(parameter.IsOut ? "out " : parameter.IsIn ? "in " : "ref ");
            type = type.GetElementType()!;
        }

        text.Append(TypeName(type, _nullability.Create(parameter))).Append(' ').Append(parameter.Name);
        if (parameter.HasDefaultValue)
        {
            text.Append(" = ").Append(Value(parameter.DefaultValue, type));
        }

        return text.ToString();
    }

    private static string Value(object? value, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return value switch
        {
            null when type.IsValueType && Nullable.GetUnderlyingType(type) is null => "default",
            null or DBNull or Missing => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? "default" : "null",
            string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            bool b => b ? "true" : "false",
            _ when underlying.IsEnum => EnumValue(underlying, value),
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture) + (value is decimal ? "m" : value is long ? "L" : value is ulong ? "UL" : ""),
            _ => value.ToString() ?? "default",
        };
    }

    private static string EnumValue(Type type, object value)
    {
        var name = Enum.GetName(type, Enum.ToObject(type, Convert.ToInt64(value, CultureInfo.InvariantCulture)));
        return name is null ? $"({Plain(type.Name)}){Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)}" : Plain(type.Name) + "." + name;
    }

    private static string Constraints(Type[] parameters)
    {
        var clauses = new List<string>();
        foreach (var parameter in parameters)
        {
            var parts = new List<string>();
            var attributes = parameter.GenericParameterAttributes;
            var constraints = parameter.GetGenericParameterConstraints();
            if (attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
            {
                parts.Add("struct");
            }
            else if (attributes.HasFlag(GenericParameterAttributes.ReferenceTypeConstraint))
            {
                parts.Add("class");
            }

            parts.AddRange(constraints.Where(c => c != typeof(ValueType)).Select(c => TypeName(c)));
            if (attributes.HasFlag(GenericParameterAttributes.DefaultConstructorConstraint) && !attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
            {
                parts.Add("new()");
            }

            if (parts.Count > 0)
            {
                clauses.Add($" where {parameter.Name} : {string.Join(", ", parts)}");
            }
        }

        return string.Concat(clauses);
    }

    /// <summary>A type as C# spells it, without namespaces, with nullable annotations where the compiler recorded them.</summary>
    private static string TypeName(Type type, NullabilityInfo? nullability = null)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying, nullability?.GenericTypeArguments.FirstOrDefault()) + "?";
        }

        var mark = nullability is { ReadState: NullabilityState.Nullable } && !type.IsValueType ? "?" : "";
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!, nullability?.ElementType) + "[" + new string(',', type.GetArrayRank() - 1) + "]" + mark;
        }

        if (type.IsByRef || type.IsPointer)
        {
            return TypeName(type.GetElementType()!) + (type.IsPointer ? "*" : "");
        }

        if (type.IsGenericParameter)
        {
            return type.Name + mark;
        }

        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword + mark;
        }

        if (type.IsGenericType && type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true)
        {
            var items = type.GetGenericArguments().Select((a, i) => TypeName(a, nullability?.GenericTypeArguments.ElementAtOrDefault(i)));
            return "(" + string.Join(", ", items) + ")" + mark;
        }

        var name = type.IsNested ? TypeName(type.DeclaringType!) + "." + Plain(type.Name) : Plain(type.Name);
        if (type.IsGenericType)
        {
            var arguments = type.GetGenericArguments();
            var own = arguments.Skip(type.IsNested ? type.DeclaringType!.GetGenericArguments().Length : 0).Select((a, i) => (a, i)).ToArray();
            if (own.Length > 0)
            {
                var offset = arguments.Length - own.Length;
                name += "<" + string.Join(", ", own.Select(p => TypeName(p.a, nullability?.GenericTypeArguments.ElementAtOrDefault(offset + p.i)))) + ">";
            }
        }

        return name + mark;
    }

    private static string Plain(string name) => name.IndexOf('`', StringComparison.Ordinal) is var tick and >= 0 ? name[..tick] : name;

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
        [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(short)] = "short", [typeof(ushort)] = "ushort",
        [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long", [typeof(ulong)] = "ulong",
        [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal", [typeof(char)] = "char",
    };

    private static readonly Dictionary<string, string> Operators = new(StringComparer.Ordinal)
    {
        ["op_Equality"] = "==", ["op_Inequality"] = "!=", ["op_LessThan"] = "<", ["op_GreaterThan"] = ">",
        ["op_LessThanOrEqual"] = "<=", ["op_GreaterThanOrEqual"] = ">=", ["op_Addition"] = "+", ["op_Subtraction"] = "-",
        ["op_Multiply"] = "*", ["op_Division"] = "/", ["op_Modulus"] = "%", ["op_UnaryNegation"] = "-", ["op_UnaryPlus"] = "+",
        ["op_CheckedAddition"] = "checked +", ["op_CheckedSubtraction"] = "checked -", ["op_CheckedMultiply"] = "checked *",
        ["op_CheckedDivision"] = "checked /", ["op_CheckedUnaryNegation"] = "checked -",
    };

    // ---- XML documentation ----

    private XElement? Doc(string id) => _docs.GetValueOrDefault(id);

    /// <summary>The documentation of a member, following &lt;inheritdoc/&gt; to the member it names, overrides or implements.</summary>
    private XElement? Resolve(MemberInfo member, int depth = 0)
    {
        var doc = Doc(MemberId(member));
        if (doc?.Element("inheritdoc") is not { } inherit || depth > 5)
        {
            return doc;
        }

        if (inherit.Attribute("cref")?.Value is { } cref)
        {
            return Doc(cref);
        }

        var sources = Sources(member).Select(Definition).ToList();
        foreach (var source in sources)
        {
            if (Resolve(source, depth + 1) is { } inherited)
            {
                return inherited;
            }
        }

        // Inherited from outside the assembly (object, IEquatable<T>...), whose documentation is not at hand: name it.
        var outside = sources.FirstOrDefault(s => s.Module.Assembly != _assembly);
        return outside is null ? null : new XElement("member", new XElement("summary", $"As {TypeName(outside.DeclaringType!)}.{outside.Name} defines it."));
    }

    /// <summary>A member of a constructed generic type (ITypedId&lt;PartnerId&gt;.New) as its definition declares it (ITypedId&lt;TSelf&gt;.New).</summary>
    private static MemberInfo Definition(MemberInfo member) =>
        member.DeclaringType is { IsConstructedGenericType: true } constructed
            ? constructed.GetGenericTypeDefinition().GetMembers(Declared).First(m => m.MetadataToken == member.MetadataToken && m.Module == member.Module)
            : member;

    /// <summary>The members a member inherits its documentation from: the one it overrides, the interface members it implements.</summary>
    private static IEnumerable<MemberInfo> Sources(MemberInfo member)
    {
        if (member is ConstructorInfo constructor)
        {
            var types = constructor.GetParameters().Select(p => p.ParameterType).ToArray();
            if (constructor.DeclaringType!.BaseType?.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, types) is { } baseConstructor)
            {
                yield return baseConstructor;
            }

            yield break;
        }

        var method = member switch
        {
            MethodInfo m => m,
            PropertyInfo p => p.GetMethod ?? p.SetMethod,
            _ => null,
        };
        if (method is null || method.DeclaringType is not { IsInterface: false } type)
        {
            yield break;
        }

        if (method.GetBaseDefinition() is { } baseMethod && baseMethod != method)
        {
            yield return member is PropertyInfo property ? baseMethod.DeclaringType!.GetProperty(property.Name, Declared) ?? (MemberInfo)baseMethod : baseMethod;
        }

        foreach (var face in type.GetInterfaces())
        {
            var map = type.GetInterfaceMap(face);
            for (var i = 0; i < map.TargetMethods.Length; i++)
            {
                if (map.TargetMethods[i] == method)
                {
                    var target = map.InterfaceMethods[i];
                    yield return member is PropertyInfo ? face.GetProperties().FirstOrDefault(p => p.GetMethod == target || p.SetMethod == target) ?? (MemberInfo)target : target;
                }
            }
        }
    }

    private static string TypeId(Type type) => "T:" + IdName(type.IsGenericType ? type.GetGenericTypeDefinition() : type);

    private static string IdName(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    private static string MemberId(MemberInfo member)
    {
        var type = IdName(member.DeclaringType!);
        switch (member)
        {
            case ConstructorInfo constructor:
                return $"M:{type}.{(constructor.IsStatic ? "#cctor" : "#ctor")}{IdParameters(constructor.GetParameters())}";
            case MethodInfo method:
                var generic = method.IsGenericMethodDefinition ? "``" + method.GetGenericArguments().Length.ToString(CultureInfo.InvariantCulture) : "";
                var conversion = method.Name is "op_Implicit" or "op_Explicit" ? "~" + IdType(method.ReturnType) : "";
                return $"M:{type}.{method.Name.Replace('.', '#')}{generic}{IdParameters(method.GetParameters())}{conversion}";
            case PropertyInfo property:
                return $"P:{type}.{property.Name.Replace('.', '#')}{IdParameters(property.GetIndexParameters())}";
            case FieldInfo field:
                return $"F:{type}.{field.Name}";
            case EventInfo @event:
                return $"E:{type}.{@event.Name}";
            default:
                return "";
        }
    }

    private static string IdParameters(ParameterInfo[] parameters) =>
        parameters.Length == 0 ? "" : "(" + string.Join(",", parameters.Select(p => IdType(p.ParameterType))) + ")";

    private static string IdType(Type type)
    {
        if (type.IsByRef)
        {
            return IdType(type.GetElementType()!) + "@";
        }

        if (type.IsArray)
        {
            return IdType(type.GetElementType()!) + (type.GetArrayRank() == 1 ? "[]" : "[" + string.Join(",", Enumerable.Repeat("0:", type.GetArrayRank())) + "]");
        }

        if (type.IsPointer)
        {
            return IdType(type.GetElementType()!) + "*";
        }

        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition.ToString(CultureInfo.InvariantCulture);
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var name = IdName(definition);
            name = name[..name.IndexOf('`', StringComparison.Ordinal)];
            return name + "{" + string.Join(",", type.GetGenericArguments().Select(IdType)) + "}";
        }

        return IdName(type);
    }

    /// <summary>Documentation text as markdown: code in backticks, references by their short names, paragraphs and lists kept.</summary>
    private static string Text(XElement? element)
    {
        if (element is null)
        {
            return "";
        }

        var text = new StringBuilder();
        Render(element, text);
        var paragraphs = text.ToString().Split('\u0001')
            .Select(p => p.StartsWith('\u0002') ? p[1..] : Spaces().Replace(p, " ").Trim())
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs).Trim();
    }

    private static void Render(XElement element, StringBuilder text)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText plain:
                    text.Append(plain.Value.Replace("<", "\\<", StringComparison.Ordinal));
                    break;
                case XElement { Name.LocalName: "c" } code:
                    text.Append('`').Append(Spaces().Replace(code.Value, " ").Trim()).Append('`');
                    break;
                case XElement { Name.LocalName: "code" } block:
                    text.Append('\u0001').Append('\u0002').Append("```\n").Append(Dedent(block.Value)).Append("\n```").Append('\u0001');
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    var label = see.Value.Trim();
                    text.Append('`').Append(label.Length > 0 ? label : see.Attribute("langword")?.Value ?? CrefName(see.Attribute("cref")?.Value ?? see.Attribute("href")?.Value ?? "")).Append('`');
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    text.Append('`').Append(reference.Attribute("name")?.Value).Append('`');
                    break;
                case XElement { Name.LocalName: "para" } para:
                    text.Append('\u0001');
                    Render(para, text);
                    text.Append('\u0001');
                    break;
                case XElement { Name.LocalName: "br" }:
                    text.Append('\u0001');
                    break;
                case XElement { Name.LocalName: "list" } list:
                    text.Append('\u0001').Append('\u0002');
                    foreach (var item in list.Elements("item"))
                    {
                        var term = item.Element("term") is { } t ? Text(t) : "";
                        var description = item.Element("description") is { } d ? Text(d) : Text(item);
                        text.Append("- ").Append(term.Length > 0 ? $"**{term}**: " : "").Append(description.ReplaceLineEndings(" ")).Append('\n');
                    }

                    text.Length--;
                    text.Append('\u0001');
                    break;
                case XElement { Name.LocalName: "b" } bold:
                    text.Append("**").Append(bold.Value.Trim()).Append("**");
                    break;
                case XElement { Name.LocalName: "sup" } sup:
                    text.Append('^').Append(sup.Value.Trim());
                    break;
                case XElement other:
                    Render(other, text);
                    break;
            }
        }
    }

    private static string Dedent(string code)
    {
        var lines = code.ReplaceLineEndings("\n").Split('\n').SkipWhile(l => l.Trim().Length == 0).Reverse().SkipWhile(l => l.Trim().Length == 0).Reverse().ToList();
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.Trim()));
    }

    /// <summary>A cref as a reader names it: the type and member without namespace or parameter list.</summary>
    private static string CrefName(string cref)
    {
        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            name = name[..paren];
        }

        name = GenericArity().Replace(name, "");
        var parts = name.Split('.');
        var kind = cref.Length > 2 ? cref[0] : 'T';
        var keep = kind is 'T' or 'N' ? 1 : 2;
        return string.Join('.', parts.Skip(Math.Max(0, parts.Length - keep))).Replace("#ctor", "new", StringComparison.Ordinal);
    }

    private static string Cell(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"`+\d+")]
    private static partial Regex GenericArity();

    [GeneratedRegex(@"[.!?](?=\s|$)")]
    private static partial Regex SentenceEnd();
}
