//! Prints the results `bash tests/bench/run` collected (target/bench/results.txt)
//! as one Markdown table: each figure, its baseline, the ratio, the goal.
//!
//!     table RESULTS

use std::collections::HashMap;

/// One `ratio` line of `pairs`.
#[derive(Clone, Copy)]
struct Ratio {
    cpu: f64,
    cpu_base: f64,
    cpu_ratio: f64,
    wall: f64,
    wall_base: f64,
    wall_ratio: f64,
}

/// The macro table's baselines.
const SAME_PLAIN: &str = "the same crate without it (plain)";
const PLAIN: &str = "the crate without RPC (plain)";
const HAND: &str = "hand-written serde_json routes and clients (hand)";

/// A macro crate as the table names it.
fn flavor(name: &str) -> &str {
    match name {
        "attr" => "the attribute alone",
        "served" => "the attribute with client = false",
        other => other,
    }
}

/// `R.RRx (A s vs B s)`: a ratio and the two times it compares, with
/// `digits` decimals.
fn seconds(ratio: f64, a: f64, b: f64, digits: usize) -> String {
    format!("{ratio:.2}x ({a:.digits$} s vs {b:.digits$} s)")
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: table RESULTS");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let mut ratios: HashMap<(String, String), Ratio> = HashMap::new();
    let mut values: HashMap<(String, String), Vec<String>> = HashMap::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["ratio", label, name, rest @ ..] if rest.len() == 6 => {
                let n: Vec<f64> = rest.iter().map(|w| w.parse().unwrap_or(f64::NAN)).collect();
                let ratio =
                    Ratio { cpu: n[0], cpu_base: n[1], cpu_ratio: n[2], wall: n[3], wall_base: n[4], wall_ratio: n[5] };
                ratios.insert((label.to_string(), name.to_string()), ratio);
            }
            [kind, key, rest @ ..] => {
                values.insert((kind.to_string(), key.to_string()), rest.iter().map(|w| w.to_string()).collect());
            }
            _ => {}
        }
    }
    let ratio = |label: &str, name: &str| ratios.get(&(label.into(), name.into())).copied();
    let value =
        |kind: &str, key: &str| -> Option<f64> { values.get(&(kind.into(), key.into()))?.first()?.parse().ok() };
    let mut rows: Vec<[String; 4]> = Vec::new();
    let mut row = |figure: &str, baseline: &str, measured: String, goal: &str| {
        rows.push([figure.into(), baseline.into(), measured, goal.into()]);
    };

    // The floors of `dogen ts`, by their name in the results.
    let floors = [
        ("parse", "bare syn::parse_file, span-locations, the system allocator"),
        ("parse-nospans", "bare syn::parse_file without span-locations"),
        ("parse-mimalloc", "bare syn::parse_file, span-locations, with the CLI's allocator (mimalloc)"),
        ("parse-mimalloc-retain", "the same, keeping every file's tree to the end"),
    ];
    let floor_text = |name: &str| floors.iter().find(|(n, _)| *n == name).map_or("?", |(_, text)| *text);
    // `PREFIX-crate size FILES BYTES`: the crate a `dogen ts` run read.
    let crate_size = |prefix: &str| match values.get(&(format!("{prefix}-crate"), "size".into())).map(Vec::as_slice) {
        Some([files, bytes]) => format!("{files} files, {:.0} KB", bytes.parse::<f64>().unwrap_or(0.0) / 1000.0),
        _ => "?".into(),
    };
    // `PREFIX-instructions NAME N` and `PREFIX-rss NAME KB`: what the times
    // follow, without their noise. Each figure of dogen ts against `floor`
    // that was measured, with its ratio and both values.
    let fixed = |prefix: &str, floor: &str| -> Vec<(&'static str, String)> {
        // Each: the figure, the unit's size and name, and the ratio's digits.
        [
            ("instructions", "dogen ts, instructions (callgrind)", 1e6, "M", 2),
            ("rss", "dogen ts, peak resident memory", 1000.0, "MB", 1),
        ]
        .into_iter()
        .filter_map(|(kind, figure, scale, unit, digits)| {
            let kind = format!("{prefix}-{kind}");
            let (dogen, base) = (value(&kind, "dogen-ts")?, value(&kind, floor)?);
            let measured =
                format!("{:.digits$}x ({:.1} {unit} vs {:.1} {unit})", dogen / base, dogen / scale, base / scale);
            Some((figure, measured))
        })
        .collect()
    };
    if let Some(r) = ratio("ts", "dogen-ts") {
        let floor = format!("{} ({}); both built with profile cli", floor_text("parse"), crate_size("ts"));
        row("dogen ts, whole process, cpu", &floor, seconds(r.cpu_ratio, r.cpu, r.cpu_base, 3), "<= 1.3x");
        row("dogen ts, whole process, wall", &floor, seconds(r.wall_ratio, r.wall, r.wall_base, 3), "-");
        // The same run against the floor's other builds.
        for (floor, figure) in [
            ("parse-nospans", "dogen ts, cpu"),
            ("parse-mimalloc", "dogen ts, cpu (what dogen costs beside the parse, the allocator's gain set aside)"),
            ("parse-mimalloc-retain", "dogen ts, cpu (what dogen's own work costs, the memory it holds set aside too)"),
        ] {
            if let Some(f) = ratio("ts", floor) {
                row(figure, floor_text(floor), seconds(r.cpu / f.cpu, r.cpu, f.cpu, 3), "-");
            }
        }
    }
    for floor in ["parse", "parse-mimalloc", "parse-mimalloc-retain"] {
        for (figure, measured) in fixed("ts", floor) {
            row(figure, floor_text(floor), measured, "-");
        }
    }
    // The same crate with an implementation of every trait: `ts-impl`.
    if let Some(r) = ratio("ts-impl", "dogen-ts") {
        row(
            "dogen ts on the same crate with an implementation of every trait, cpu",
            &format!("{} ({})", floor_text("parse"), crate_size("ts-impl")),
            seconds(r.cpu_ratio, r.cpu, r.cpu_base, 3),
            "-",
        );
        for (figure, measured) in fixed("ts-impl", "parse") {
            row(&format!("{figure}, with the implementations"), floor_text("parse"), measured, "-");
        }
    }
    if let Some(r) = ratio("ts", "dogen-ts-release-s") {
        row(
            "dogen ts built with the workspace's release profile (fat LTO; `cargo install --path cli`), cpu",
            "bare syn::parse_file, span-locations (profile cli)",
            seconds(r.cpu_ratio, r.cpu, r.cpu_base, 3),
            "-",
        );
    }
    if let Some(r) = ratio("ts", "dogen-check") {
        row(
            "dogen check --out, whole process, cpu",
            "bare syn::parse_file, span-locations",
            seconds(r.cpu_ratio, r.cpu, r.cpu_base, 3),
            "<= 1.3x",
        );
    }
    if let Some(r) = ratio("typeshare", "typeshare") {
        let version = values.keys().find(|(k, _)| k == "typeshare-version").map(|(_, v)| v.replace('_', " "));
        row(
            &format!("{} CLI (peer), types alone, cpu", version.as_deref().unwrap_or("typeshare")),
            "bare syn::parse_file of the same files",
            seconds(r.cpu_ratio, r.cpu, r.cpu_base, 3),
            "peer",
        );
    }
    for (label, what) in [
        ("check", "incremental cargo check after an edit"),
        ("build", "incremental cargo build (debug) after an edit"),
        ("wasm", "release wasm32 build (opt-level s, fat LTO)"),
    ] {
        let hand = ratio(label, "hand");
        if let Some(r) = ratio(label, "attr") {
            row(
                &format!("{what}, cpu: {}", flavor("attr")),
                SAME_PLAIN,
                seconds(r.cpu_ratio, r.cpu, r.cpu_base, 1),
                if label == "check" { "~1.05x" } else { "-" },
            );
        }
        if let Some(r) = ratio(label, "served") {
            row(
                &format!("{what}, cpu: {}", flavor("served")),
                SAME_PLAIN,
                seconds(r.cpu_ratio, r.cpu, r.cpu_base, 1),
                "-",
            );
        }
        for (name, goal) in [("dogen", "<= 1.3x"), ("before", "-"), ("tarpc", "peer"), ("jsonrpsee", "peer")] {
            let Some(r) = ratio(label, name) else { continue };
            row(
                &format!("{what}, cpu: {name}"),
                PLAIN,
                seconds(r.cpu_ratio, r.cpu, r.cpu_base, 1),
                if label == "check" { goal } else { "-" },
            );
            if let Some(h) = hand {
                row(
                    &format!("{what}, cpu: {name}"),
                    HAND,
                    seconds(r.cpu / h.cpu, r.cpu, h.cpu, 1),
                    if label == "check" { "-" } else { goal },
                );
            }
        }
        if let Some(h) = hand {
            row(&format!("{what}, cpu: hand"), PLAIN, seconds(h.cpu_ratio, h.cpu, h.cpu_base, 1), "-");
        }
    }
    // `LABEL-instructions NAME N`: one incremental build's instructions
    // under callgrind, whole process, the same in every run.
    for (label, what) in
        [("check", "incremental cargo check after an edit"), ("build", "incremental cargo build (debug) after an edit")]
    {
        let count = |name: &str| value(&format!("{label}-instructions"), name);
        let plain = count("plain");
        for (name, base, base_text) in [
            ("attr", plain, SAME_PLAIN),
            ("served", plain, SAME_PLAIN),
            ("dogen", plain, PLAIN),
            ("hand", plain, PLAIN),
            ("dogen", count("hand"), HAND),
            ("tarpc", plain, PLAIN),
            ("jsonrpsee", plain, PLAIN),
        ] {
            let (Some(n), Some(base)) = (count(name), base) else { continue };
            row(
                &format!("{what}, instructions (callgrind): {}", flavor(name)),
                base_text,
                format!("{:.3}x ({:.0} M vs {:.0} M)", n / base, n / 1e6, base / 1e6),
                "-",
            );
        }
    }
    // `tokens NAME PER_METHOD` (tests/bench/src/bin/tokens.rs): what the
    // check's time follows, without its noise.
    if let (Some(dogen), Some(hand)) = (value("tokens", "dogen"), value("tokens", "hand")) {
        let split = match (value("tokens", "dogen-server"), value("tokens", "dogen-client")) {
            (Some(server), Some(client)) => format!("; server {server:.0}, client {client:.0}"),
            _ => String::new(),
        };
        row(
            "tokens per method beyond the crate without RPC (plain): dogen's expansion and entries",
            "hand-written serde_json routes and clients (hand)",
            format!("{:.2}x ({dogen:.0} vs {hand:.0}{split})", dogen / hand),
            "-",
        );
    }
    for name in ["dogen", "before", "hand", "tarpc", "jsonrpsee"] {
        if let (Some(bytes), Some(plain)) = (value("wasm-bytes", name), value("wasm-bytes", "plain")) {
            row(
                &format!("release wasm32 bytes of the macro crate: {name}"),
                "plain",
                format!("{:.2}x ({:.0} KB vs {:.0} KB)", bytes / plain, bytes / 1000.0, plain / 1000.0),
                "-",
            );
        }
    }
    // `llvm-lines FLAVOR LINES FUNCTIONS`.
    let lines = |who: &str| {
        let words = values.get(&("llvm-lines".into(), who.into()))?;
        Some((words.first()?.parse::<f64>().ok()?, words.get(1)?.parse::<f64>().ok()?))
    };
    for name in ["dogen", "before"] {
        if let (Some((lines, functions)), Some((hand_lines, hand_functions))) = (lines(name), lines("hand")) {
            row(
                &format!("LLVM IR before LTO, release wasm32 (cargo llvm-lines): {name}"),
                "hand-written serde_json routes and clients (hand)",
                format!(
                    "{:.2}x lines ({lines:.0} vs {hand_lines:.0}), {:.2}x functions ({functions:.0} vs {hand_functions:.0})",
                    lines / hand_lines,
                    functions / hand_functions
                ),
                "-",
            );
        }
    }
    if let Some(plain) = value("size", "plain") {
        for (way, label) in [
            ("rpc", "served over RPC only"),
            ("fetch", "served over fetch only"),
            ("both", "RPC + fetch + Rust client"),
        ] {
            let (Some(three), Some(thirteen)) = (value("size", &format!("{way}3")), value("size", &format!("{way}13")))
            else {
                continue;
            };
            row(
                &format!("wasm fixed cost, counter {label}"),
                "the counter without dogen (hand-written fetch routes)",
                format!("+{:.1} KB ({:.0} B vs {:.0} B)", (three - plain) / 1000.0, three, plain),
                "<= 35 KB",
            );
            row(
                &format!("wasm bytes per method, {label}"),
                "(13 methods - 3 methods) / 10, of the counter's signature",
                format!("{:.0} B", (thirteen - three) / 10.0),
                "<= 600 B",
            );
            if let Some(own) = value("size", &format!("{way}13t")) {
                row(
                    &format!("wasm bytes per method, {label}, each returning a type of its own"),
                    "(13 methods - 3 methods) / 10",
                    format!("{:.0} B", (own - three) / 10.0),
                    "<= 600 B",
                );
            }
        }
    }
    // The `n` numbers of a `KIND KEY ...` line after its first `skip` words.
    let numbers = |kind: &str, key: &str, skip: usize, n: usize| -> Option<Vec<f64>> {
        let words = values.get(&(kind.into(), key.into()))?;
        words.iter().skip(skip).map(|w| w.parse().ok()).collect::<Option<Vec<f64>>>().filter(|v| v.len() == n)
    };
    for method in ["increment", "get", "submit", "mean"] {
        if let Some(r) = value("dispatch", method) {
            row(
                &format!("dispatch of `{method}`, time per call"),
                "hand-written match (serde_json with float_roundtrip)",
                format!("{r:.3}x"),
                "<= 1.10x",
            );
        }
        // `dispatch-instructions METHOD GENERATED HAND`: instructions per
        // call (callgrind), the same in every process where time is not.
        if let Some(n) = numbers("dispatch-instructions", method, 0, 2) {
            row(
                &format!("dispatch of `{method}`, instructions per call (callgrind)"),
                "hand-written match (serde_json with float_roundtrip)",
                format!("{:.3}x ({:.0} vs {:.0})", n[0] / n[1], n[0], n[1]),
                "-",
            );
        }
    }
    // `dispatch future GENERATED HAND`: the bytes of each call's future,
    // what a caller moves (a move of more than 128 bytes is a `memcpy`).
    if let Some(n) = numbers("dispatch", "future", 0, 2) {
        row(
            "dispatch future, bytes per call",
            "the hand-written `async fn`",
            format!("{:.2}x ({:.0} B vs {:.0} B)", n[0] / n[1], n[0], n[1]),
            "-",
        );
    }
    // `rpc KIND CALLS/S RATIO LOW HIGH P50`: throughput paired with hand's
    // by round (median and range), and the median latency of single calls.
    let calls = |kind: &str| numbers("rpc", kind, 0, 5);
    if let Some(hand) = calls("hand") {
        for (kind, figure, goal) in [("rpc", "native Workers RPC", "<= 1.00x"), ("fetch", "dogen fetch client", "-")] {
            let Some(n) = calls(kind) else { continue };
            // Time per call is the inverse of throughput.
            row(
                &format!("{figure}, time per call in a batch of sequential calls (workerd)"),
                "hand-written fetch route, same round",
                format!("{:.2}x (rounds {:.2}-{:.2})", 1.0 / n[1], 1.0 / n[3], 1.0 / n[2]),
                goal,
            );
            row(
                &format!("{figure}, median latency of one call, HTTP hop included (workerd)"),
                "hand-written fetch route",
                format!("{:.2}x ({:.3} ms vs {:.3} ms)", n[4] / hand[4], n[4], hand[4]),
                goal,
            );
        }
    }
    // `rpc-floor KIND BASE RATIO LOW HIGH P50-RATIO`: throughput paired with
    // the JavaScript-only counter's by round, and the latency ratio.
    for (kind, base, figure) in [
        ("rpc", "js", "native Workers RPC into the Rust counter"),
        ("hand", "jsfetch", "hand-written fetch route of the Rust counter"),
        ("fetch", "jsfetch", "dogen fetch client"),
    ] {
        let measured_against = values.get(&("rpc-floor".into(), kind.into())).and_then(|words| words.first());
        if measured_against.map(String::as_str) != Some(base) {
            continue;
        }
        let Some(&[ratio, low, high, p50]) = numbers("rpc-floor", kind, 1, 4).as_deref() else { continue };
        let floor = if base == "js" { "its `increment` over native RPC" } else { "its `POST /increment` route" };
        row(
            &format!("{figure}, time per call in a batch (workerd)"),
            &format!("the same counter in JavaScript alone, {floor}, same round"),
            format!("{:.2}x (rounds {:.2}-{:.2}); latency {p50:.2}x", 1.0 / ratio, 1.0 / high, 1.0 / low),
            "-",
        );
    }

    println!("| figure | baseline = 1.00 | measured | goal |");
    println!("| --- | --- | --- | --- |");
    for [a, b, c, d] in rows {
        println!("| {a} | {b} | {c} | {d} |");
    }
}
