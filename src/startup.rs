//! The page's start, after its first paint: trunk writes a start-up script that imports the app's JavaScript and
//! WebAssembly at once, with `preload` links for both in the head, so the first paint of a page written at publish
//! time would wait on them. The publish step rewrites it (before the page's Content Security Policy is worked out
//! from it) so that the app's files are fetched only once the page has painted — and, on a results page opened
//! from its address, once its results are on screen (`static/boot.js`'s `cinStart`, which decides when).

/// The start-up script the publish step writes in place of trunk's: the same import and call, when `boot.js`'s
/// `cinStart` says (or, without it, once the page has painted: the frame after the first, then a task), with any
/// failure left to reject for `boot.js` to report.
fn deferred(js: &str, wasm: &str) -> String {
    format!(
        "<script type=\"module\">\n(window.cinStart || ((go) => requestAnimationFrame(() => setTimeout(go, 0))))(async \
         () => {{\n  const bindings = await import('{js}');\n  const wasm = await bindings.default({{ module_or_path: \
         '{wasm}' }});\n  window.wasmBindings = bindings;\n  dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", \
         {{ detail: {{ wasm }} }}));\n}});\n</script>"
    )
}

/// The text between `start` and the next `end` in `text`, after `from`.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<(usize, &'a str)> {
    let at = text.find(start)? + start.len();
    let len = text[at..].find(end)?;
    Some((at, &text[at..at + len]))
}

/// The built page with trunk's start-up script deferred past the first paint and its `modulepreload` and wasm
/// `preload` links removed. A page whose start-up script is not trunk's is refused, naming what is missing.
pub fn defer(html: &str) -> Result<String, String> {
    let open = "<script type=\"module\">";
    let script_at = html.find(open).ok_or("the built page has no start-up script")?;
    let script_end = html[script_at..].find("</script>").ok_or("the start-up script is not closed")? + script_at + 9;
    let script = &html[script_at..script_end];
    let (_, js) =
        between(script, "import init, * as bindings from '", "'").ok_or("the start-up script imports no module")?;
    let (_, wasm) = between(script, "module_or_path: '", "'").ok_or("the start-up script names no WebAssembly")?;
    let mut page = format!("{}{}{}", &html[..script_at], deferred(js, wasm), &html[script_end..]);
    for rel in ["<link rel=\"modulepreload\"", "<link rel=\"preload\""] {
        while let Some(at) = page.find(rel) {
            let end = page[at..].find('>').ok_or("a preload link is not closed")? + at + 1;
            page.replace_range(at..end, "");
        }
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str =
        "<head><script type=\"module\">\nimport init, * as bindings from '/cin/app-1.js';\nconst wasm = \
                         await init({ module_or_path: '/cin/app-1_bg.wasm' });\n</script><link rel=\"modulepreload\" \
                         href=\"/cin/app-1.js\"><link rel=\"preload\" href=\"/cin/app-1_bg.wasm\" as=\"fetch\">\
                         <link rel=\"stylesheet\" href=\"/cin/main.css\"></head>";

    #[test]
    fn the_app_is_fetched_once_the_page_has_painted() {
        let page = defer(TRUNK).unwrap();
        assert!(
            page.contains(
                "(window.cinStart || ((go) => requestAnimationFrame(() => setTimeout(go, 0))))(async () => {"
            ),
            "{page}"
        );
        assert!(
            page.contains("await import('/cin/app-1.js')") && page.contains("module_or_path: '/cin/app-1_bg.wasm'")
        );
        assert!(
            !page.contains("preload") && page.contains("<link rel=\"stylesheet\" href=\"/cin/main.css\">"),
            "{page}"
        );
        assert!(!page.contains("import init"), "trunk's own import is gone: {page}");
        assert_eq!(defer(&page).unwrap_err(), "the start-up script imports no module", "a page is deferred once");
        assert!(defer("<head></head>").is_err());
    }
}
