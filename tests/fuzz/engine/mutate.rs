//! Mutations of valid inputs: byte flips, truncation, splicing, number and
//! string edge cases, deep nesting, huge lengths, invalid UTF-8.

#[allow(unused_imports)]
use super::*;

/// The spans of strings and numbers in `input`, found by a scan that
/// tolerates anything.
pub(crate) fn tokens(input: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < input.len() && spans.len() < 4096 {
        match input[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < input.len() && input[i] != b'"' {
                    i += if input[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(input.len());
                spans.push((start, i));
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < input.len() && matches!(input[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
                    i += 1;
                }
                spans.push((start, i));
            }
            _ => i += 1,
        }
    }
    spans
}

pub(crate) const BYTES: &[u8] = b"\x00\xff\x80\xc3\xed\xf4\xf8\"\\[]{},:-0e. \n";

pub(crate) const INVALID_UTF8: &[&[u8]] = &[
    b"\xff",
    b"\xc3",
    b"\x80",
    b"\xc0\x80",
    b"\xed\xa0\x80",
    b"\xed\xbf\xbf",
    b"\xf4\x90\x80\x80",
    b"\xf0\x9f\x92",
    b"\xe2\x82",
    b"\xfe\xfe\xff\xff",
];

/// Applies one to four random mutations to `input`; `donor` is another
/// valid input to splice from.
pub(crate) fn mutate(g: &mut Rng, input: &mut Vec<u8>, donor: &[u8]) {
    for _ in 0..g.range(1, 4) {
        let len = input.len();
        match g.below(16) {
            0 if len > 0 => {
                let at = g.below(len);
                input[at] ^= 1 << g.below(8);
            }
            1 if len > 0 => {
                let at = g.below(len);
                input[at] = *g.pick(BYTES);
            }
            2 => input.truncate(g.below(len + 1)),
            3 if len > 0 => {
                let start = g.below(len);
                let end = g.range(start, len);
                input.drain(start..end);
            }
            4 if len > 0 => {
                let start = g.below(len);
                let end = g.range(start, (start + 64).min(len));
                let copy = input[start..end].to_vec();
                let at = g.below(len + 1);
                input.splice(at..at, copy);
            }
            5 => {
                let at = g.below(len + 1);
                input.splice(at..at, g.pick(INVALID_UTF8).iter().copied());
            }
            6 | 7 => {
                let spans = tokens(input);
                let numbers: Vec<_> = spans.iter().filter(|(s, _)| input[*s] != b'"').collect();
                if let Some(&&(start, end)) = numbers.get(g.below(numbers.len().max(1))) {
                    input.splice(start..end, g.pick(NUMBERS).bytes());
                }
            }
            8 => {
                let spans = tokens(input);
                let strings: Vec<_> = spans.iter().filter(|(s, _)| input[*s] == b'"').collect();
                if let Some(&&(start, end)) = strings.get(g.below(strings.len().max(1))) {
                    input.splice(start..end, g.pick(STRINGS).bytes());
                }
            }
            9 => {
                // Deep nesting, around the whole body or inside it.
                let depth = if g.one_in(8) { g.range(200, 20_000) } else { g.range(100, 140) };
                let (open, close) = if g.one_in(3) { ("{\"a\":", "}") } else { ("[", "]") };
                let at = if g.one_in(2) { 0 } else { g.below(len + 1) };
                let mut nested = open.repeat(depth).into_bytes();
                nested.extend_from_slice(&input[at..]);
                nested.extend_from_slice(close.repeat(depth).as_bytes());
                input.truncate(at);
                input.extend_from_slice(&nested);
            }
            10 => {
                // Splice: a head of this input, a tail of the donor.
                let cut = g.below(len + 1);
                let from = g.below(donor.len() + 1);
                input.truncate(cut);
                input.extend_from_slice(&donor[from..]);
            }
            11 => {
                // A huge length: one token or element repeated.
                let spans = tokens(input);
                if let Some(&(start, end)) = spans.get(g.below(spans.len().max(1))) {
                    let token = input[start..end].to_vec();
                    let budget = if g.one_in(200) { 1 << 20 } else { 16 << 10 };
                    let times = (budget / token.len().max(1)).max(1);
                    let mut repeated = Vec::with_capacity(budget + times);
                    if input[start] == b'"' && token.len() >= 2 {
                        // A long string: its content repeated.
                        repeated.push(b'"');
                        for _ in 0..times {
                            repeated.extend_from_slice(&token[1..token.len() - 1]);
                        }
                        repeated.push(b'"');
                    } else {
                        for i in 0..times {
                            if i > 0 {
                                repeated.push(b',');
                            }
                            repeated.extend_from_slice(&token);
                        }
                    }
                    input.splice(start..end, repeated);
                }
            }
            12 => {
                let mut value = String::new();
                random_json(g, 0, &mut value);
                let at = g.below(len + 1);
                input.splice(at..at, value.into_bytes());
            }
            13 => {
                let at = g.below(len + 1);
                let filler: &[u8] =
                    g.pick::<&[u8]>(&[&b" \t\r\n"[..], b"\xef\xbb\xbf", b"//", b"/*x*/", b",", b",,", b"\x00"]);
                input.splice(at..at, filler.iter().copied());
            }
            14 => {
                // An element more, or one less, at the top level.
                if g.one_in(2) && input.last() == Some(&b']') {
                    let mut value = String::from(",");
                    random_json(g, 0, &mut value);
                    let end = input.len() - 1;
                    input.splice(end..end, value.into_bytes());
                } else if let Some(comma) = input.iter().rposition(|&b| b == b',') {
                    let end = input.iter().rposition(|&b| b == b']').filter(|&e| e > comma).unwrap_or(input.len());
                    input.drain(comma..end);
                }
            }
            _ => {
                let mut value = String::new();
                random_json(g, 0, &mut value);
                *input = value.into_bytes();
            }
        }
    }
}
