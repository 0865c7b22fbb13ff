//! `compress OUT_DIR`: writes a brotli copy (`name.br`) beside each text and wasm file of the built site in
//! `OUT_DIR`, for hosts that send precompressed files (see [`cin_procedure_explorer::compress`]). Trunk runs it
//! after `publish`, once every file of the build is final.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [out] = args.as_slice() else {
        eprintln!("usage: compress OUT_DIR");
        return ExitCode::from(2);
    };
    match cin_procedure_explorer::compress::write(out) {
        Ok(files) => {
            let (before, after) = files.iter().fold((0, 0), |(b, a), (_, before, after)| (b + before, a + after));
            println!("wrote a brotli copy of {} files ({before} bytes in, {after} bytes out)", files.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("could not compress the site: {e}");
            ExitCode::FAILURE
        }
    }
}
