//! The fuzzer at length (`tests/fuzz/engine/` says what it does):
//!
//! ```text
//! bash tests/fuzz/run [INPUTS] [--seed S] [--threads T]   # release build, then this
//! fuzz [INPUTS] [--seed S] [--threads T] [--outcomes]    # INPUTS defaults to 1,000,000
//! fuzz --seed S --index I                                 # one input again, panics shown
//! ```
//!
//! Prints inputs per second and the totals: inputs, panics, broken
//! invariants, distinct outcomes; exits 1 if anything failed.

use std::process::ExitCode;
use std::time::Instant;

#[path = "../../fuzz/engine/mod.rs"]
mod engine;

struct Options {
    inputs: u64,
    seed: u64,
    threads: u64,
    index: Option<u64>,
    outcomes: bool,
}

fn options() -> Result<Options, String> {
    let mut options = Options { inputs: 1_000_000, seed: 1, threads: 1, index: None, outcomes: false };
    let mut args = std::env::args().skip(1);
    let number = |flag: &str, value: Option<String>| -> Result<u64, String> {
        let value = value.ok_or(format!("{flag} takes a number"))?;
        value.replace('_', "").parse().map_err(|_| format!("{flag}: `{value}` is not a number"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seed" => options.seed = number("--seed", args.next())?,
            "--threads" => options.threads = number("--threads", args.next())?.max(1),
            "--index" => options.index = Some(number("--index", args.next())?),
            "--outcomes" => options.outcomes = true,
            "-h" | "--help" => {
                return Err(
                    "usage: fuzz [INPUTS] [--seed S] [--threads T] [--outcomes] | fuzz --seed S --index I".into()
                );
            }
            _ => options.inputs = number("INPUTS", Some(arg))?,
        }
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if let Some(index) = options.index {
        // One input, with the default panic hook: a panic shows in full.
        println!("{}", engine::describe(options.seed, index));
        let (target, shown, outcome) = engine::Fuzzer::new().run(options.seed, index);
        println!("{target}: {shown}\n  -> {outcome:?}");
        return if outcome.is_ok() { ExitCode::SUCCESS } else { ExitCode::FAILURE };
    }
    let start = Instant::now();
    let mut totals = engine::Totals::default();
    // Batches of a million, so a long run shows progress.
    let batch = 1_000_000;
    let mut done = 0;
    while done < options.inputs {
        let end = (done + batch).min(options.inputs);
        let threads = options.threads;
        let parts: Vec<engine::Totals> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| scope.spawn(move || engine::Fuzzer::new().run_range(options.seed, done + t, end, threads)))
                .collect();
            handles.into_iter().map(|h| h.join().expect("a fuzzing thread ends")).collect()
        });
        for part in parts {
            totals.merge(part);
        }
        done = end;
        if options.inputs > batch {
            let secs = start.elapsed().as_secs_f64();
            eprintln!(
                "  {done} inputs, {:.0} inputs/s, {} panics, {} broken invariants",
                done as f64 / secs,
                totals.panics,
                totals.violations
            );
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let targets: Vec<String> = totals.per_target.iter().map(|(t, n)| format!("{t} {n}")).collect();
    println!(
        "fuzz: seed {}, {} inputs ({}) in {secs:.1} s on {} thread(s): {:.0} inputs/s",
        options.seed,
        totals.inputs,
        targets.join(", "),
        options.threads,
        totals.inputs as f64 / secs
    );
    println!("panics: {}", totals.panics);
    println!("broken invariants: {}", totals.violations);
    println!("distinct outcomes: {}", totals.outcomes.len());
    if options.outcomes {
        for (outcome, n) in &totals.outcomes {
            println!("  {n:>10}  {outcome}");
        }
    }
    for failure in &totals.failures {
        println!("{failure}");
    }
    if totals.panics + totals.violations > 0 {
        println!("reproduce one with: fuzz --seed {} --index <index>", options.seed);
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
