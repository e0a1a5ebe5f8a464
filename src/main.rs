use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = aiguillage::front::app::parse_args();
    match aiguillage::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            aiguillage::front::app::report_error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}
