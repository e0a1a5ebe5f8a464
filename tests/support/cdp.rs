//! A headless Chromium driven through the DevTools protocol over a pipe
//! (`--remote-debugging-pipe`: commands on file descriptor 3, answers and
//! events on 4, each message ended by a NUL byte). No driver, no
//! WebSocket, no crate: JSON on two pipes.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub struct Browser {
    child: Child,
    to: std::io::PipeWriter,
    /// The messages Chromium writes, read by a thread of their own so
    /// that a wait can time out.
    from: std::sync::mpsc::Receiver<Vec<u8>>,
    next: u64,
    /// The page's session (`Target.attachToTarget`, flattened).
    session: String,
    events: VecDeque<Value>,
    _profile: tempfile::TempDir,
}

/// The flags that keep Chromium headless, quiet and offline.
pub const QUIET: [&str; 7] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// How long any one message is waited for.
const WAIT: Duration = Duration::from_secs(60);

impl Browser {
    /// Starts `chromium` headless, quiet and offline, with one page open.
    pub fn start(chromium: &Path) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        // Chromium reads commands on fd 3 and writes on fd 4.
        let (their_in, to) = std::io::pipe().unwrap();
        let (from, their_out) = std::io::pipe().unwrap();
        let (a, b) = (their_in.as_raw_fd(), their_out.as_raw_fd());
        let mut cmd = Command::new(chromium);
        cmd.args(QUIET)
            .arg("--remote-debugging-pipe")
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // SAFETY: dup2 is async-signal-safe; only it runs in the child.
        unsafe {
            cmd.pre_exec(move || {
                // Moved out of the way first: either may be 3 or 4.
                let (a, b) = (
                    libc::fcntl(a, libc::F_DUPFD, 10),
                    libc::fcntl(b, libc::F_DUPFD, 10),
                );
                if a < 0 || b < 0 || libc::dup2(a, 3) < 0 || libc::dup2(b, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("start chromium");
        drop(their_in);
        drop(their_out);
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut from = BufReader::new(from);
            loop {
                let mut buf = Vec::new();
                match from.read_until(0, &mut buf) {
                    Ok(n) if n > 0 => {
                        buf.pop();
                        if sender.send(buf).is_err() {
                            return;
                        }
                    }
                    _ => return,
                }
            }
        });
        let mut browser = Browser {
            child,
            to,
            from: receiver,
            next: 0,
            session: String::new(),
            events: VecDeque::new(),
            _profile: profile,
        };
        let target = browser.browser_call("Target.createTarget", json!({"url": "about:blank"}));
        let target = target["targetId"].as_str().unwrap().to_owned();
        let attached = browser.browser_call(
            "Target.attachToTarget",
            json!({"targetId": target, "flatten": true}),
        );
        browser.session = attached["sessionId"].as_str().unwrap().to_owned();
        browser.call("Page.enable", json!({}));
        browser.call("Runtime.enable", json!({}));
        browser
    }

    fn send(&mut self, mut message: Value) -> u64 {
        self.next += 1;
        message["id"] = json!(self.next);
        let mut bytes = serde_json::to_vec(&message).unwrap();
        bytes.push(0);
        self.to.write_all(&bytes).unwrap();
        self.next
    }

    fn receive(&mut self) -> Value {
        let buf = self
            .from
            .recv_timeout(WAIT)
            .expect("chromium said nothing in time, or closed the pipe");
        serde_json::from_slice(&buf).unwrap()
    }

    fn wait_for(&mut self, id: u64) -> Value {
        let started = Instant::now();
        loop {
            assert!(started.elapsed() < WAIT, "no answer to command {id}");
            let m = self.receive();
            if m["id"] == json!(id) {
                if let Some(e) = m.get("error") {
                    panic!("DevTools error: {e}");
                }
                return m["result"].clone();
            }
            if m.get("method").is_some() {
                self.events.push_back(m);
            }
        }
    }

    /// A command to the browser itself.
    pub fn browser_call(&mut self, method: &str, params: Value) -> Value {
        let id = self.send(json!({"method": method, "params": params}));
        self.wait_for(id)
    }

    /// A command to the page.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let session = self.session.clone();
        let id = self.send(json!({"method": method, "params": params, "sessionId": session}));
        self.wait_for(id)
    }

    /// Waits for an event named `method`; earlier ones are dropped.
    pub fn event(&mut self, method: &str) -> Value {
        let started = Instant::now();
        loop {
            if let Some(i) = self.events.iter().position(|e| e["method"] == method) {
                let e = self.events.remove(i).unwrap();
                self.events.drain(..i);
                return e["params"].clone();
            }
            assert!(started.elapsed() < WAIT, "no {method}");
            let m = self.receive();
            if m.get("method").is_some() {
                self.events.push_back(m);
            }
        }
    }

    /// Forgets the events received so far.
    pub fn clear_events(&mut self) {
        self.events.clear();
    }

    /// Opens `url` and waits for it to load.
    pub fn goto(&mut self, url: &str) {
        self.clear_events();
        self.call("Page.navigate", json!({"url": url}));
        self.event("Page.loadEventFired");
    }

    /// Runs `js` in the page; its value (promises awaited).
    pub fn eval(&mut self, js: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": js, "returnByValue": true, "awaitPromise": true}),
        );
        if let Some(e) = r.get("exceptionDetails") {
            panic!("{js}: {e}");
        }
        r["result"]["value"].clone()
    }

    /// Runs `js`, which makes the page go elsewhere, and waits for the
    /// new page.
    pub fn eval_and_wait(&mut self, js: &str) {
        self.clear_events();
        self.eval(js);
        self.event("Page.loadEventFired");
    }

    /// The address of the page.
    pub fn url(&mut self) -> String {
        self.eval("location.href").as_str().unwrap().to_owned()
    }

    /// A key pressed and released (`Tab`, `Enter`, ` `, `ArrowDown`).
    pub fn key(&mut self, key: &str) {
        let (code, vk, text) = match key {
            "Tab" => ("Tab", 9, ""),
            "Enter" => ("Enter", 13, "\r"),
            " " => ("Space", 32, " "),
            "ArrowDown" => ("ArrowDown", 40, ""),
            "ArrowUp" => ("ArrowUp", 38, ""),
            other => panic!("key {other}"),
        };
        let mut down =
            json!({"type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": vk});
        if !text.is_empty() {
            down["text"] = json!(text);
        }
        self.call("Input.dispatchKeyEvent", down);
        self.call(
            "Input.dispatchKeyEvent",
            json!({"type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": vk}),
        );
    }

    /// The viewport: `width` CSS pixels, at `scale` device pixels each.
    pub fn viewport(&mut self, width: u32, height: u32, scale: f64) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": scale, "mobile": false}),
        );
    }

    /// Downloads go to `dir`.
    pub fn downloads_to(&mut self, dir: &Path) {
        self.browser_call(
            "Browser.setDownloadBehavior",
            json!({"behavior": "allow", "downloadPath": dir.display().to_string(), "eventsEnabled": true}),
        );
    }

    /// Waits for a download to complete; its suggested file name.
    pub fn downloaded(&mut self) -> String {
        let begin = self.event("Browser.downloadWillBegin");
        loop {
            let p = self.event("Browser.downloadProgress");
            match p["state"].as_str() {
                Some("completed") => break,
                Some("canceled") => panic!("download canceled: {begin}"),
                _ => {}
            }
        }
        begin["suggestedFilename"].as_str().unwrap().to_owned()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
