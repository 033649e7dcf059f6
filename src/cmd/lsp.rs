//! `storyx lsp`: the language server on standard input and output.

pub fn run() -> u8 {
    let (connection, io) = crate::lsp::transport::stdio();
    let code = match crate::lsp::serve(connection) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("storyx lsp: {e}");
            1
        }
    };
    io.join();
    code
}
