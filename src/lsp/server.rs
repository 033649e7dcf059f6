//! The main loop: the handshake, the documents, and each request answered from the
//! documents' texts and the worker's last snapshot.

use std::collections::HashMap;
use std::path::PathBuf;

use crossbeam_channel::Sender;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    CompletionOptions, CompletionParams, DidChangeTextDocumentParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DocumentSymbolParams, DocumentSymbolResponse, GotoDefinitionParams,
    GotoDefinitionResponse, HoverParams, HoverProviderCapability, InitializeParams,
    InitializeResult, MessageType, OneOf, PrepareRenameResponse, ReferenceParams, RenameOptions,
    RenameParams, ServerCapabilities, ServerInfo, ShowMessageParams, TextDocumentPositionParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, Url,
};
use serde_json::Value;

use super::doc::Doc;
use super::navigate::Workspace;
use super::worker::{self, Shared, Work};
use super::workspace::{find, MAX_FILES};
use super::{actions, completion, diagnostics, hover, navigate, symbols};
use crate::corpus::Loader;
use crate::story::load::LoadOptions;

/// Batches the workspace is loaded in.
const LOAD_BATCH: usize = 64;

pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![":".into(), "[".into(), ",".into(), " ".into()]),
            ..CompletionOptions::default()
        }),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// The client's root folders.
#[allow(deprecated)] // root_uri and root_path: older clients send only those.
fn roots(params: &InitializeParams) -> Vec<PathBuf> {
    if let Some(folders) = &params.workspace_folders {
        return folders
            .iter()
            .filter_map(|f| f.uri.to_file_path().ok())
            .collect();
    }
    if let Some(uri) = &params.root_uri {
        return uri.to_file_path().ok().into_iter().collect();
    }
    params
        .root_path
        .as_ref()
        .map(PathBuf::from)
        .into_iter()
        .collect()
}

fn notify(out: &Sender<Message>, method: &str, params: impl serde::Serialize) {
    let _ = out.send(Message::Notification(Notification::new(
        method.into(),
        params,
    )));
}

/// The handshake: answers `initialize` (anything else before it gets an error, as the
/// protocol says), then waits for `initialized`. None when the client left first.
fn handshake(conn: &Connection) -> Option<InitializeParams> {
    let mut params = None;
    for msg in &conn.receiver {
        match msg {
            Message::Request(req) if req.method == "initialize" && params.is_none() => {
                match serde_json::from_value::<InitializeParams>(req.params) {
                    Ok(p) => {
                        let result = InitializeResult {
                            capabilities: capabilities(),
                            server_info: Some(ServerInfo {
                                name: "storyx".into(),
                                version: Some(env!("CARGO_PKG_VERSION").into()),
                            }),
                        };
                        let _ = conn.sender.send(Response::new_ok(req.id, result).into());
                        params = Some(p);
                    }
                    Err(e) => {
                        let _ = conn.sender.send(
                            Response::new_err(
                                req.id,
                                ErrorCode::InvalidParams as i32,
                                format!("initialize: {e}"),
                            )
                            .into(),
                        );
                    }
                }
            }
            Message::Request(req) => {
                let _ = conn.sender.send(
                    Response::new_err(
                        req.id,
                        ErrorCode::ServerNotInitialized as i32,
                        "the server is not initialized yet".into(),
                    )
                    .into(),
                );
            }
            Message::Notification(n) if n.method == "initialized" && params.is_some() => {
                return params;
            }
            Message::Notification(n) if n.method == "exit" => return None,
            _ => {}
        }
    }
    None
}

/// Serves one client until it says `exit` (or the connection closes).
pub fn serve(conn: Connection) -> Result<(), String> {
    let Some(params) = handshake(&conn) else {
        return Ok(());
    };
    let shared = Shared::default();
    let (work_tx, work_rx) = crossbeam_channel::unbounded::<Work>();
    let out = conn.sender.clone();
    let worker_shared = shared.clone();
    let worker = std::thread::Builder::new()
        .name("storyx-lsp-diagnostics".into())
        .spawn(move || worker::run(work_rx, out, worker_shared))
        .map_err(|e| e.to_string())?;
    spawn_loader(roots(&params), work_tx.clone(), conn.sender.clone());
    let mut server = Server {
        out: conn.sender.clone(),
        work: work_tx,
        shared,
        docs: HashMap::new(),
        shutdown: false,
    };
    for msg in &conn.receiver {
        match msg {
            Message::Request(req) => server.request(req),
            Message::Notification(n) if n.method == "exit" => break,
            Message::Notification(n) => server.notification(n),
            Message::Response(_) => {}
        }
    }
    drop(server);
    let _ = worker.join();
    Ok(())
}

/// Finds and loads the workspace's stories on a thread of its own.
fn spawn_loader(roots: Vec<PathBuf>, work: Sender<Work>, out: Sender<Message>) {
    let _ = std::thread::Builder::new()
        .name("storyx-lsp-load".into())
        .spawn(move || {
            let found = find(&roots, MAX_FILES);
            if found.truncated {
                notify(
                    &out,
                    "window/showMessage",
                    ShowMessageParams {
                        typ: MessageType::WARNING,
                        message: format!(
                            "storyx: stopped looking for stories after {MAX_FILES} files; \
                             open a smaller folder to have all of them ({} found so far)",
                            found.stories.len()
                        ),
                    },
                );
            }
            if work.send(Work::Found(found.stories.clone())).is_err() {
                return;
            }
            // The worker computes the cross-story warnings, from the open documents too.
            let mut loader =
                Loader::new(&found.stories, LoadOptions::default(), None).without_cross_story();
            loop {
                let batch = loader.next_batch(LOAD_BATCH);
                if batch.is_empty() {
                    break;
                }
                let shared = batch.into_iter().map(diagnostics::shared).collect();
                if work.send(Work::Loaded(shared)).is_err() {
                    return;
                }
            }
            let _ = work.send(Work::LoadDone);
        });
}

struct Server {
    out: Sender<Message>,
    work: Sender<Work>,
    shared: Shared,
    docs: HashMap<Url, Doc>,
    shutdown: bool,
}

/// A request's failure, as an error reply.
struct Failure(ErrorCode, String);

fn parse<P: serde::de::DeserializeOwned>(params: Value) -> Result<P, Failure> {
    serde_json::from_value(params).map_err(|e| Failure(ErrorCode::InvalidParams, e.to_string()))
}

impl Server {
    fn reply(&self, id: RequestId, result: Result<Value, Failure>) {
        let response = match result {
            Ok(v) => Response::new_ok(id, v),
            Err(Failure(code, message)) => Response::new_err(id, code as i32, message),
        };
        let _ = self.out.send(response.into());
    }

    fn doc(&self, uri: &Url) -> Result<&Doc, Failure> {
        self.docs.get(uri).ok_or_else(|| {
            Failure(
                ErrorCode::InvalidParams,
                format!("{uri} is not open (send textDocument/didOpen first)"),
            )
        })
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        if self.shutdown {
            return self.reply(
                id,
                Err(Failure(
                    ErrorCode::InvalidRequest,
                    "the server is shutting down".into(),
                )),
            );
        }
        let answer = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.answer(req)));
        let result = answer.unwrap_or_else(|_| {
            Err(Failure(
                ErrorCode::InternalError,
                "the request failed inside storyx".into(),
            ))
        });
        self.reply(id, result);
    }

    fn answer(&mut self, req: Request) -> Result<Value, Failure> {
        let json = |v: Result<Value, serde_json::Error>| {
            v.map_err(|e| Failure(ErrorCode::InternalError, e.to_string()))
        };
        let snap = self.shared.get();
        match req.method.as_str() {
            "shutdown" => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            "textDocument/completion" => {
                let p: CompletionParams = parse(req.params)?;
                let doc = self.doc(&p.text_document_position.text_document.uri)?;
                let items = completion::complete(doc, &snap, p.text_document_position.position);
                json(serde_json::to_value(items))
            }
            "textDocument/hover" => {
                let p: HoverParams = parse(req.params)?;
                let doc = self.doc(&p.text_document_position_params.text_document.uri)?;
                json(serde_json::to_value(hover::hover(
                    doc,
                    &snap,
                    p.text_document_position_params.position,
                )))
            }
            "textDocument/definition" => {
                let p: GotoDefinitionParams = parse(req.params)?;
                let doc = self.doc(&p.text_document_position_params.text_document.uri)?;
                let ws = Workspace {
                    docs: &self.docs,
                    snap: &snap,
                };
                let found =
                    navigate::definition(doc, &ws, p.text_document_position_params.position);
                json(serde_json::to_value(
                    found.map(GotoDefinitionResponse::Array),
                ))
            }
            "textDocument/references" => {
                let p: ReferenceParams = parse(req.params)?;
                let doc = self.doc(&p.text_document_position.text_document.uri)?;
                let ws = Workspace {
                    docs: &self.docs,
                    snap: &snap,
                };
                json(serde_json::to_value(navigate::references(
                    doc,
                    &ws,
                    p.text_document_position.position,
                    p.context.include_declaration,
                )))
            }
            "textDocument/prepareRename" => {
                let p: TextDocumentPositionParams = parse(req.params)?;
                let doc = self.doc(&p.text_document.uri)?;
                let range = navigate::prepare_rename(doc, &snap, p.position);
                json(serde_json::to_value(
                    range.map(PrepareRenameResponse::Range),
                ))
            }
            "textDocument/rename" => {
                let p: RenameParams = parse(req.params)?;
                let doc = self.doc(&p.text_document_position.text_document.uri)?;
                let ws = Workspace {
                    docs: &self.docs,
                    snap: &snap,
                };
                let edit =
                    navigate::rename(doc, &ws, p.text_document_position.position, &p.new_name)
                        .map_err(|m| Failure(ErrorCode::InvalidParams, m))?;
                json(serde_json::to_value(edit))
            }
            "textDocument/documentSymbol" => {
                let p: DocumentSymbolParams = parse(req.params)?;
                let doc = self.doc(&p.text_document.uri)?;
                json(serde_json::to_value(DocumentSymbolResponse::Nested(
                    symbols::outline(doc),
                )))
            }
            "textDocument/codeAction" => {
                let p: CodeActionParams = parse(req.params)?;
                let doc = self.doc(&p.text_document.uri)?;
                json(serde_json::to_value(actions::actions(
                    doc,
                    &snap,
                    &p.context.diagnostics,
                )))
            }
            other => Err(Failure(
                ErrorCode::MethodNotFound,
                format!("storyx does not handle `{other}`"),
            )),
        }
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    self.set_text(p.text_document.uri, p.text_document.text, true);
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    // Full sync: the last change holds the whole text.
                    if let Some(change) = p.content_changes.into_iter().last() {
                        self.set_text(p.text_document.uri, change.text, false);
                    }
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    if let Some(doc) = self.docs.remove(&p.text_document.uri) {
                        let _ = self.work.send(Work::Close { path: doc.path });
                    }
                }
            }
            _ => {}
        }
    }

    fn set_text(&mut self, uri: Url, text: String, opened: bool) {
        let doc = Doc::new(uri.clone(), text.clone());
        let path = doc.path.clone();
        self.docs.insert(uri.clone(), doc);
        let _ = self.work.send(Work::Text {
            path,
            uri,
            text,
            opened,
        });
    }
}
