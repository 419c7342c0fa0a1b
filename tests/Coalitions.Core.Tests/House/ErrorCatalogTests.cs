using System.Text;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.House;

public class ErrorCatalogTests
{
    [Fact]
    public void Every_error_code_is_unique_named_after_its_area_and_listed_in_order()
    {
        var codes = ErrorCodes.All;

        Assert.NotEmpty(codes);
        Assert.Equal(codes.Count, codes.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(codes.Select(c => c.Code).Order(StringComparer.Ordinal), codes.Select(c => c.Code));
        foreach (var code in codes)
        {
            Assert.Matches(@"^[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+$", code.Code);
            Assert.False(string.IsNullOrWhiteSpace(code.Rule), $"{code} has no rule text.");
            Assert.EndsWith(".", code.Rule, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_error_code_sits_in_the_catalog_class_of_its_area()
    {
        var areas = typeof(ErrorCodes).GetNestedTypes()
            .SelectMany(t => t.GetFields().Select(f => (Area: t.Name, Code: (ErrorCode)f.GetValue(null)!)));

        Assert.All(areas, pair => Assert.Equal(pair.Area, pair.Code.Area));
    }

    [Fact]
    public void Error_code_reference_in_docs_matches_the_catalog()
    {
        GeneratedFile.AssertUpToDate("docs/error-codes.md", Render());
    }

    [Fact]
    public void A_code_can_be_found_by_its_text()
    {
        Assert.Same(ErrorCodes.Kernel.UnknownCurrency, ErrorCodes.Find("Kernel.UnknownCurrency"));
        Assert.Null(ErrorCodes.Find("Kernel.NoSuchCode"));
    }

    private static string Render()
    {
        var text = new StringBuilder();
        text.Append("# Error codes\n\n");
        text.Append("Every refusal raises a `CoalitionRuleException` whose failures carry one of these codes.\n");
        text.Append("Codes are stable: hosts may map them to responses and translations.\n");
        text.Append("This file is generated from `ErrorCodes` and checked by a test.\n");
        foreach (var area in ErrorCodes.All.GroupBy(c => c.Area))
        {
            text.Append("\n## ").Append(area.Key).Append("\n\n| code | rule |\n|---|---|\n");
            foreach (var code in area)
            {
                text.Append("| `").Append(code.Code).Append("` | ").Append(code.Rule).Append(" |\n");
            }
        }

        return text.ToString();
    }
}
