use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = aiguillage::cli::Cli::parse();
    match aiguillage::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            aiguillage::app::report_error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}
