//! Times commands as whole processes, back to back in rounds (BASE A B …
//! BASE A B …, after a warm-up round), and prints for each command its
//! medians and the median of its per-round ratios to the first command,
//! the baseline, for cpu (user + sys of the child and of everything it
//! waited for, from getrusage) and wall time.
//!
//! ```text
//! pairs [-n ROUNDS] [--warmup N] [--label NAME] [--names BASE,A,…] \
//!     -- BASE ARGS... ::: A ARGS... [::: B ARGS...]
//! ```
//!
//! A command runs as given, without a shell (`sh -c '…'` for an edit before
//! a build). Per command after the baseline, one machine-readable line:
//!
//!     ratio LABEL NAME cpu cpu_base cpu_ratio wall wall_base wall_ratio
//!
//! (seconds and ratios, medians). A command that fails stops the run.

use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

/// cpu seconds (user + sys) of every child reaped so far.
fn children_cpu() -> f64 {
    // SAFETY: getrusage fills the struct it is given.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

/// Runs `argv` once: (cpu, wall) seconds.
fn run(argv: &[String]) -> Result<(f64, f64), String> {
    let before = children_cpu();
    let start = Instant::now();
    let status = Command::new(&argv[0])
        .args(&argv[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("cannot run `{}`: {e}", argv[0]))?;
    let wall = start.elapsed().as_secs_f64();
    if !status.status.success() {
        return Err(format!(
            "`{}` failed ({}):\n{}",
            argv.join(" "),
            status.status,
            String::from_utf8_lossy(&status.stderr)
        ));
    }
    Ok((children_cpu() - before, wall))
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 { xs[n / 2] } else { (xs[n / 2 - 1] + xs[n / 2]) / 2.0 }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut rounds, mut warmup, mut label, mut names) = (5usize, 1usize, String::from("-"), Vec::<String>::new());
    let mut i = 0;
    while i < args.len() && args[i] != "--" {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "-n" => rounds = value.parse().expect("-n takes a number"),
            "--warmup" => warmup = value.parse().expect("--warmup takes a number"),
            "--label" => label = value,
            "--names" => names = value.split(',').map(String::from).collect(),
            other => {
                eprintln!("pairs: unknown option `{other}`");
                return ExitCode::from(2);
            }
        }
        i += 2;
    }
    let commands: Vec<Vec<String>> =
        args[(i + 1).min(args.len())..].split(|a| a == ":::").map(<[String]>::to_vec).collect();
    if commands.len() < 2 || commands.iter().any(Vec::is_empty) {
        eprintln!(
            "usage: pairs [-n ROUNDS] [--warmup N] [--label NAME] [--names BASE,A,...] -- BASE ARGS... ::: A ARGS..."
        );
        return ExitCode::from(2);
    }
    while names.len() < commands.len() {
        names.push(format!("cmd{}", names.len()));
    }
    let outcome = (|| -> Result<(), String> {
        for _ in 0..warmup {
            for command in &commands {
                run(command)?;
            }
        }
        let n = commands.len();
        let (mut cpu, mut wall) = (vec![Vec::new(); n], vec![Vec::new(); n]);
        for _ in 0..rounds {
            for (k, command) in commands.iter().enumerate() {
                let (c, w) = run(command)?;
                cpu[k].push(c);
                wall[k].push(w);
            }
        }
        let spread = |xs: &[f64]| {
            let (lo, hi) = xs.iter().fold((f64::MAX, f64::MIN), |(lo, hi), x| (lo.min(*x), hi.max(*x)));
            format!("{lo:.2}–{hi:.2}")
        };
        eprintln!(
            "  {label}: {rounds} rounds; {} cpu {:.3}s wall {:.3}s (baseline)",
            names[0],
            median(cpu[0].clone()),
            median(wall[0].clone())
        );
        for k in 1..n {
            let rc: Vec<f64> = cpu[k].iter().zip(&cpu[0]).map(|(a, b)| a / b).collect();
            let rw: Vec<f64> = wall[k].iter().zip(&wall[0]).map(|(a, b)| a / b).collect();
            eprintln!(
                "  {label}: {} cpu {:.3}s wall {:.3}s; / {}: cpu {:.2} ({}) wall {:.2} ({})",
                names[k],
                median(cpu[k].clone()),
                median(wall[k].clone()),
                names[0],
                median(rc.clone()),
                spread(&rc),
                median(rw.clone()),
                spread(&rw)
            );
            println!(
                "ratio {label} {} {:.4} {:.4} {:.4} {:.4} {:.4} {:.4}",
                names[k],
                median(cpu[k].clone()),
                median(cpu[0].clone()),
                median(rc),
                median(wall[k].clone()),
                median(wall[0].clone()),
                median(rw)
            );
        }
        Ok(())
    })();
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pairs: {e}");
            ExitCode::FAILURE
        }
    }
}
