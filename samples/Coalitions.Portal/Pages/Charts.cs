using System.Globalization;
using System.Net;
using System.Text;
using Coalitions.Core.Decisions;
using Coalitions.Core.Polls;
using Microsoft.AspNetCore.Html;

namespace Coalitions.Portal.Pages;

/// <summary>
/// Charts drawn as inline SVG on the server: no script, no build step. Each chart has a title and a description for
/// screen readers, and the page shows the same figures in a table beside it.
/// </summary>
public static class Charts
{
    private const int Width = 560;
    private const int Label = 150;
    private const int Bar = 22;
    private const int Gap = 8;

    /// <summary>A horizontal bar per stance that received ballots (support, oppose, abstain...).</summary>
    /// <param name="counts">The headcount by stance.</param>
    /// <param name="title">The chart's title, read by screen readers.</param>
    /// <returns>The SVG.</returns>
    public static IHtmlContent Tally(StanceCounts counts, string title)
    {
        var rows = Enum.GetValues<Stance>().Select(s => (Label: Show.Words(s), Value: (decimal)counts[s], Css: "stance-" + s.ToString().ToLowerInvariant()))
            .Where(r => r.Value > 0 || r.Label is "support" or "oppose").ToList();
        return Bars(rows, title, $"{title}: " + string.Join(", ", rows.Select(r => $"{r.Label} {Show.Count(r.Value)}")));
    }

    /// <summary>
    /// The rounds of a count, one band per round (as RCTab's and rcvis's round charts show them): each option's votes in
    /// that round, the elected marked, the eliminated struck through, and the threshold as a line where there is one.
    /// </summary>
    /// <param name="result">The count.</param>
    /// <param name="labels">Each option's label by key.</param>
    /// <returns>The SVG.</returns>
    public static IHtmlContent Rounds(PollResult result, IReadOnlyDictionary<string, string> labels)
    {
        var options = labels.Keys.ToList();
        var max = result.Rounds.SelectMany(r => r.Totals).Select(t => t.Votes).DefaultIfEmpty(1).Max();
        max = Math.Max(max, result.Rounds.Select(r => r.Threshold ?? 0).DefaultIfEmpty(0).Max());
        max = max <= 0 ? 1 : max;
        var band = (options.Count * (Bar + 4)) + 28;
        var height = (result.Rounds.Count * band) + 10;
        var svg = new StringBuilder();
        var description = string.Join("; ", result.Rounds.Select(r => $"round {r.Number}: " + string.Join(", ", r.Totals.Select(t => $"{labels.GetValueOrDefault(t.Option, t.Option)} {Show.Count(t.Votes)}"))));
        Open(svg, height, "Votes in each round", description);
        var y = 5;
        var winners = new HashSet<string>(StringComparer.Ordinal);
        var out_ = new HashSet<string>(StringComparer.Ordinal);
        foreach (var round in result.Rounds)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 16}\" class=\"round-title\">Round {round.Number}</text>");
            y += 24;
            foreach (var option in options)
            {
                var votes = round.Totals.FirstOrDefault(t => t.Option == option)?.Votes ?? 0;
                var css = round.Elected.Contains(option) || winners.Contains(option) ? "elected" : out_.Contains(option) ? "out" : round.Eliminated.Contains(option) ? "eliminated" : "running";
                Row(svg, y, labels[option] + (round.Elected.Contains(option) ? " ✓" : round.Eliminated.Contains(option) ? " ✗" : string.Empty), votes, max, css);
                y += Bar + 4;
            }

            if (round.Threshold is { } threshold)
            {
                var x = Label + (double)(threshold / max * (Width - Label - 60));
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{y - (options.Count * (Bar + 4))}\" y2=\"{y}\" class=\"threshold\"><title>Threshold {Show.Count(threshold)}</title></line>");
            }

            winners.UnionWith(round.Elected);
            out_.UnionWith(round.Eliminated);
            y += 4;
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static HtmlString Bars(List<(string Label, decimal Value, string Css)> rows, string title, string description)
    {
        var max = rows.Select(r => r.Value).DefaultIfEmpty(1).Max();
        max = max <= 0 ? 1 : max;
        var svg = new StringBuilder();
        Open(svg, (rows.Count * (Bar + Gap)) + Gap, title, description);
        var y = Gap;
        foreach (var (label, value, css) in rows)
        {
            Row(svg, y, label, value, max, css);
            y += Bar + Gap;
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static void Open(StringBuilder svg, int height, string title, string description)
    {
        var id = "c" + Guid.NewGuid().ToString("N")[..8];
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}t {id}d\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}t\">{Encode(title)}</title><desc id=\"{id}d\">{Encode(description)}</desc>");
    }

    private static void Row(StringBuilder svg, int y, string label, decimal value, decimal max, string css)
    {
        var length = (double)(value / max * (Width - Label - 60));
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 16}\" class=\"label\">{Encode(label)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Label}\" y=\"{y}\" width=\"{Math.Max(length, value > 0 ? 2 : 0):0.#}\" height=\"{Bar}\" class=\"bar {css}\"></rect>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Label + length + 6:0.#}\" y=\"{y + 16}\" class=\"value\">{Show.Count(value)}</text>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
