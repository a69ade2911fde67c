using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace CrowdFit.Service.Dashboard;

/// <summary>Builds one dashboard page: inline CSS, no scripts, every piece of text HTML-encoded.</summary>
internal sealed class Html
{
    private const string Style =
        """
        body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
        header{background:#1d2330;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:center}
        header a{color:#cfe0ff}header form{margin-left:auto}
        main{padding:16px 24px;max-width:1200px}
        section{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:12px 16px;margin:0 0 16px}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eceff3}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        .flag{color:#b3261e;font-weight:600}.error{color:#b3261e}.muted{color:#667}
        dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px}dt{color:#556}dd{margin:0}
        textarea{width:100%;min-height:3em}button{padding:4px 12px}
        form.decide{display:inline-block;margin-right:8px;vertical-align:top;width:45%}
        svg.chart{max-width:100%;height:auto}
        blockquote.message{margin:4px 0 12px;padding:6px 12px;border-left:3px solid #cfd6e0;background:#f9fafb;white-space:pre-wrap}
        """;

    private static readonly HtmlEncoder s_encoder = HtmlEncoder.Default;

    private readonly StringBuilder _body = new();

    /// <summary>Appends text, encoded.</summary>
    public Html Text(string? text)
    {
        _body.Append(s_encoder.Encode(text ?? ""));
        return this;
    }

    /// <summary>Appends markup written by this code or by <c>SvgCharts</c>, never data.</summary>
    public Html Raw(string markup)
    {
        _body.Append(markup);
        return this;
    }

    /// <summary>Appends <c>&lt;tag&gt;text&lt;/tag&gt;</c> with the text encoded.</summary>
    public Html Element(string tag, string? text, string? cssClass = null)
    {
        _body.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _body.Append(" class=\"").Append(cssClass).Append('"');
        }

        _body.Append('>').Append(s_encoder.Encode(text ?? "")).Append("</").Append(tag).Append('>');
        return this;
    }

    public Html Number(double value, string format) => Element("td", value.ToString(format, CultureInfo.InvariantCulture), "n");

    /// <summary>The hidden field holding the anti-forgery token of this request.</summary>
    public Html Antiforgery(AntiforgeryTokenSet tokens) =>
        Raw($"<input type=\"hidden\" name=\"{s_encoder.Encode(tokens.FormFieldName)}\" value=\"{s_encoder.Encode(tokens.RequestToken ?? "")}\">");

    /// <summary>The whole document; <paramref name="signedIn"/> adds the navigation and the sign-out form.</summary>
    public IResult Page(string title, AntiforgeryTokenSet? signedIn, string? project = null, int status = StatusCodes.Status200OK)
    {
        var page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(s_encoder.Encode(title)).Append("</title><style>").Append(Style).Append("</style></head><body><header><strong>CrowdFit</strong>");
        if (signedIn is not null)
        {
            page.Append("<a href=\"/dashboard/\">Projects</a><a href=\"/dashboard/appeals\">Appeals</a>");
            if (project is not null)
            {
                var p = Uri.EscapeDataString(project);
                page.Append("<a href=\"/dashboard/projects/").Append(p).Append("\">Health</a>")
                    .Append("<a href=\"/dashboard/projects/").Append(p).Append("/review\">Review queue</a>");
            }

            page.Append("<form method=\"post\" action=\"/dashboard/logout\">")
                .Append($"<input type=\"hidden\" name=\"{s_encoder.Encode(signedIn.FormFieldName)}\" value=\"{s_encoder.Encode(signedIn.RequestToken ?? "")}\">")
                .Append("<button type=\"submit\">Sign out</button></form>");
        }

        page.Append("</header><main><h1>").Append(s_encoder.Encode(title)).Append("</h1>").Append(_body).Append("</main></body></html>");
        return TypedResults.Content(page.ToString(), "text/html; charset=utf-8", statusCode: status);
    }
}
