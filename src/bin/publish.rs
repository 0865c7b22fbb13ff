//! `publish [PROJECT_DIR] OUT_DIR`: validates `content/` and writes the published data into `OUT_DIR/data/`.
//! Trunk runs it after each build; any content problem is printed and fails the build.

use std::path::PathBuf;
use std::process::ExitCode;

use cin_procedure_explorer::publish::{check, read, write};

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let (project, out) = match args.as_slice() {
        [out] => (PathBuf::from("."), out.clone()),
        [project, out] => (project.clone(), out.clone()),
        _ => {
            eprintln!("usage: publish [PROJECT_DIR] OUT_DIR");
            return ExitCode::from(2);
        }
    };
    let content = match read(&project) {
        Ok(content) => content,
        Err(errors) => {
            errors.iter().for_each(|e| eprintln!("{e}"));
            return ExitCode::FAILURE;
        }
    };
    let problems = check(&content);
    if !problems.is_empty() {
        problems.iter().for_each(|p| eprintln!("{p}"));
        eprintln!("{} content problem(s): nothing published", problems.len());
        return ExitCode::FAILURE;
    }
    match write(&content, &out) {
        Ok(files) => {
            println!("published {} files into {}", files.len(), out.join("data").display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("could not write into {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
