//! JSON-RPC over standard input and output, as [`lsp_server::Connection::stdio`] does,
//! except that a malformed message does not end the server: a frame that is not JSON
//! gets a "parse error" reply and one that is JSON but no message an "invalid request"
//! reply (to its id when it has one), and reading goes on.

use std::io::{BufRead, Write};

use crossbeam_channel::{unbounded, Receiver, Sender};
use lsp_server::{Connection, Message};
use serde_json::{json, Value};

/// The largest message read (a story file is at most 16 MiB; JSON escaping may double it).
const MAX_MESSAGE: usize = 64 * 1024 * 1024;

/// What one frame of input was.
#[derive(Debug)]
pub enum Frame {
    Message(Message),
    /// A reply to send for a malformed frame, as raw JSON (its id may be null).
    Invalid(Value),
}

/// Reads one frame: `None` at the end of the input (or when the input cannot be read
/// on: a header that cannot be framed past).
pub fn read_frame(input: &mut impl BufRead) -> Option<Frame> {
    let mut length: Option<usize> = None;
    let mut bad_header = false;
    let mut line = String::new();
    loop {
        line.clear();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => return None,
            Ok(_) => {}
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if length.is_some() || bad_header {
                break;
            }
            continue;
        }
        match header.split_once(':') {
            Some((name, value)) if name.eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) if n <= MAX_MESSAGE => length = Some(n),
                    _ => bad_header = true,
                }
            }
            Some(_) => {}
            None => bad_header = true,
        }
    }
    let Some(length) = length else {
        return Some(Frame::Invalid(error_reply(
            Value::Null,
            lsp_server::ErrorCode::ParseError,
            "a message needs a valid Content-Length header",
        )));
    };
    let mut body = vec![0u8; length];
    if input.read_exact(&mut body).is_err() {
        return None;
    }
    Some(decode(&body))
}

/// A frame's body → a message, or the reply for a malformed one.
pub fn decode(body: &[u8]) -> Frame {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Frame::Invalid(error_reply(
                Value::Null,
                lsp_server::ErrorCode::ParseError,
                &format!("the message is not JSON: {e}"),
            ))
        }
    };
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    let shaped = value.get("method").is_some_and(Value::is_string)
        || value.get("result").is_some()
        || value.get("error").is_some();
    if !shaped {
        return Frame::Invalid(error_reply(
            id,
            lsp_server::ErrorCode::InvalidRequest,
            "not a JSON-RPC request, response or notification: no `method`, `result` or `error`",
        ));
    }
    match serde_json::from_value::<Message>(value) {
        Ok(m) => Frame::Message(m),
        Err(e) => Frame::Invalid(error_reply(
            id,
            lsp_server::ErrorCode::InvalidRequest,
            &format!("not a JSON-RPC request, response or notification: {e}"),
        )),
    }
}

fn error_reply(id: Value, code: lsp_server::ErrorCode, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code as i32, "message": message}})
}

fn write_raw(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    write!(out, "Content-Length: {}\r\n\r\n", text.len())?;
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Threads that carry messages between the connection and standard input and output.
pub struct Io {
    reader: std::thread::JoinHandle<()>,
    writer: std::thread::JoinHandle<()>,
}

impl Io {
    /// Waits for the writer to flush what it was given (the reader may still be blocked
    /// on input; it ends with the process).
    pub fn join(self) {
        let _ = self.writer.join();
        drop(self.reader);
    }
}

enum Out {
    Message(Message),
    Raw(Value),
}

/// A connection over standard input and output.
pub fn stdio() -> (Connection, Io) {
    let (out_tx, out_rx): (Sender<Out>, Receiver<Out>) = unbounded();
    let (msg_tx, msg_rx) = unbounded::<Message>();
    let (in_tx, in_rx) = unbounded::<Message>();
    // Messages from the server go to the writer through their own channel.
    let forward = out_tx.clone();
    std::thread::spawn(move || {
        for m in msg_rx {
            if forward.send(Out::Message(m)).is_err() {
                break;
            }
        }
    });
    let writer = std::thread::spawn(move || {
        let stdout = std::io::stdout();
        let mut stdout = stdout.lock();
        for out in out_rx {
            let ok = match out {
                Out::Message(m) => m.write(&mut stdout),
                Out::Raw(v) => write_raw(&mut stdout, &v.to_string()),
            };
            if ok.is_err() {
                break;
            }
        }
    });
    let reader = std::thread::spawn(move || {
        let stdin = std::io::stdin();
        let mut stdin = stdin.lock();
        while let Some(frame) = read_frame(&mut stdin) {
            match frame {
                Frame::Message(m) => {
                    let exit = matches!(&m, Message::Notification(n) if n.method == "exit");
                    if in_tx.send(m).is_err() || exit {
                        break;
                    }
                }
                Frame::Invalid(reply) => {
                    if out_tx.send(Out::Raw(reply)).is_err() {
                        break;
                    }
                }
            }
        }
    });
    (
        Connection {
            sender: msg_tx,
            receiver: in_rx,
        },
        Io { reader, writer },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<Frame> {
        let mut r = std::io::Cursor::new(input.as_bytes().to_vec());
        std::iter::from_fn(|| read_frame(&mut r)).collect()
    }

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn malformed_messages_get_replies_and_reading_goes_on() {
        let input = [
            framed("{not json"),
            framed(r#"{"jsonrpc":"2.0","id":7,"methd":"x"}"#),
            "Content-Length: lots\r\n\r\n".to_string(),
            framed(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#),
        ]
        .concat();
        let got = frames(&input);
        assert_eq!(got.len(), 4, "{got:?}");
        match &got[0] {
            Frame::Invalid(v) => {
                assert_eq!(v["error"]["code"], -32700);
                assert_eq!(v["id"], Value::Null);
            }
            other => panic!("{other:?}"),
        }
        match &got[1] {
            Frame::Invalid(v) => {
                assert_eq!(v["error"]["code"], -32600);
                assert_eq!(v["id"], 7);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&got[2], Frame::Invalid(_)));
        assert!(matches!(&got[3], Frame::Message(Message::Request(r)) if r.method == "shutdown"));
    }
}
