//! `aiguillage serve` on a port the system picks, read from the line it
//! prints on stdout, stopped when dropped.

#![allow(dead_code)]

use std::io::BufRead;
use std::process::{Child, Command, Stdio};

pub struct Server {
    pub child: Child,
    /// `http://127.0.0.1:PORT`, without a final slash.
    pub url: String,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Server {
    /// Starts the server with `args` after `serve`; its stderr is kept
    /// (`child.stderr`) when `keep_stderr`.
    pub fn start(args: &[&str], keep_stderr: bool) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("aiguillage"))
            .arg("serve")
            .args(args)
            .args(["--addr", "127.0.0.1:0"])
            .env_clear()
            .stdout(Stdio::piped())
            .stderr(if keep_stderr {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .trim()
            .strip_prefix("aiguillage serve : ")
            .unwrap_or_else(|| panic!("{line}"))
            .trim_end_matches('/')
            .to_owned();
        let addr = url.trim_start_matches("http://").to_owned();
        Server { child, url, addr }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
