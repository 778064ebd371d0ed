//! Parsing one file with syn, after a byte-level pass that refuses a file
//! nested deeper than syn's recursive parser can safely go.

use super::skim::{self, Skimmed};

/// How deep a file may nest brackets, parentheses, braces and `<..>`
/// before dogen refuses to parse it: syn's parser recurses once per level
/// (tens of kilobytes of stack each in a debug build), and real code stays
/// far below this.
pub const MAX_FILE_DEPTH: usize = 128;

/// The file's items as the scan reads them ([`skim::parse`]), refusing
/// first (at the place) a file that nests deeper than [`MAX_FILE_DEPTH`],
/// so parsing it cannot overflow the stack.
pub(super) fn parse_file(source: &str) -> Result<Skimmed, ParseError> {
    if let Some(offset) = too_deep(source) {
        return Err(ParseError::TooDeep(offset));
    }
    skim::parse(source).map_err(ParseError::Syn)
}

/// Why a file could not be read.
pub(super) enum ParseError {
    /// It nests deeper than [`MAX_FILE_DEPTH`] at this byte offset.
    TooDeep(usize),
    /// syn's error.
    Syn(syn::Error),
}

/// The message for a file nesting deeper than [`MAX_FILE_DEPTH`].
pub(super) fn too_deep_message() -> String {
    format!(
        "this file nests deeper than {MAX_FILE_DEPTH} levels here (brackets, parentheses, braces and `<..>`); dogen reads types up to {} levels deep",
        dogen_interface::shape::MAX_DEPTH
    )
}

/// The bytes [`too_deep`] acts on; every other byte only moves it on.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"/\"r'([{)]}<>;";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// The byte offset of the first bracket, parenthesis, brace or `<` nested
/// deeper than [`MAX_FILE_DEPTH`], if any: one pass over the bytes, before
/// syn tokenizes anything, skipping comments, strings and character
/// literals. `<` counts as nesting until its `>`, or until the statement
/// (`;`) or the enclosing group ends, so comparisons never add up; `->` and
/// `=>` close nothing.
pub(super) fn too_deep(source: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    // The angle brackets open in each enclosing group.
    let mut groups: Vec<usize> = vec![0];
    let mut angles = 0usize;
    let mut i = 0;
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    while i < bytes.len() {
        // Most bytes (names, spaces) change nothing: skip them in a tight
        // loop before the full match below.
        while i < bytes.len() && !SPECIAL[usize::from(bytes[i])] {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = bytes[i..].iter().position(|&c| c == b'\n').map_or(bytes.len(), |p| i + p);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut nested = 1;
                i += 2;
                while i < bytes.len() && nested > 0 {
                    if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                        nested += 1;
                        i += 2;
                    } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                        nested -= 1;
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
                continue;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                continue;
            }
            // `r"..."`, `r#"..."#`, `br".."`, `cr#".."#`: raw strings.
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#'))
                && (i == 0
                    || !ident(bytes[i - 1])
                    || (i >= 1 && matches!(bytes[i - 1], b'b' | b'c') && (i < 2 || !ident(bytes[i - 2])))) =>
            {
                let hashes = bytes[i + 1..].iter().take_while(|&&c| c == b'#').count();
                if bytes.get(i + 1 + hashes) == Some(&b'"') {
                    let close: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
                    let body = i + 2 + hashes;
                    i = bytes[body..]
                        .windows(close.len())
                        .position(|w| w == close.as_slice())
                        .map_or(bytes.len(), |p| body + p + close.len());
                    continue;
                }
            }
            b'\'' => {
                // A character literal (`'a'`, `'\n'`, `'é'`), or a lifetime.
                if bytes.get(i + 1) == Some(&b'\\') {
                    i += 2;
                    while i < bytes.len() && bytes[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                    continue;
                }
                let width = source[i + 1..].chars().next().map_or(1, char::len_utf8);
                if bytes.get(i + 1 + width) == Some(&b'\'') {
                    i += width + 2;
                    continue;
                }
            }
            b'(' | b'[' | b'{' => {
                groups.push(0);
                if groups.len() - 1 + angles > MAX_FILE_DEPTH {
                    return Some(i);
                }
            }
            b')' | b']' | b'}' if groups.len() > 1 => {
                angles -= groups.pop().unwrap_or(0);
            }
            b'<' => {
                if let Some(open) = groups.last_mut() {
                    *open += 1;
                }
                angles += 1;
                if groups.len() - 1 + angles > MAX_FILE_DEPTH {
                    return Some(i);
                }
            }
            b'>' if i == 0 || !matches!(bytes[i - 1], b'-' | b'=') => {
                if let Some(open) = groups.last_mut()
                    && *open > 0
                {
                    *open -= 1;
                    angles -= 1;
                }
            }
            b';' => {
                if let Some(open) = groups.last_mut() {
                    angles -= *open;
                    *open = 0;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_outside_comments_strings_and_characters() {
        let deep = |n: usize| format!("type A = {}u8{};", "Vec<".repeat(n), ">".repeat(n));
        assert_eq!(too_deep(&deep(MAX_FILE_DEPTH)), None);
        assert_eq!(too_deep(&deep(MAX_FILE_DEPTH + 1)), Some(9 + 4 * MAX_FILE_DEPTH + 3));
        let noise = "(".repeat(200);
        for hidden in [
            format!("// {noise}\n"),
            format!("/* /* {noise} */ */"),
            format!("const S: &str = \"{noise}\\\"\";"),
            format!("const R: &str = r#\"{noise}\"#;"),
            format!("const B: &[u8] = br\"{noise}\";"),
            "const C: char = '(';".repeat(200),
            "fn f<'a>(x: &'a u8) -> bool { a < b; a < b; x => y; true }".repeat(100),
        ] {
            assert_eq!(too_deep(&format!("{hidden}\nfn main() {{}}")), None, "{hidden}");
        }
        assert!(too_deep(&format!("fn f() {{ {} }}", "(".repeat(200))).is_some());
    }
}
