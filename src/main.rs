use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = aiguillage::app::parse_args();
    match aiguillage::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            aiguillage::app::report_error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}
