-- Drives `storyx lsp` from Neovim's built-in client (0.7): opens a story, waits for its
-- diagnostics (STORYX_EXPECT of them), asks for a completion and a definition, then opens
-- a second story and waits for its STORYX_EXPECT2 (a cross-story warning among them, which
-- comes once the workspace is loaded), and writes what it got as JSON.
local out = { diagnostics = {}, completion = {}, definition = {}, across = {} }
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, vim.env.STORYX_OUT)
  vim.cmd('qa!')
end
local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.STORYX_STORY))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = 'storyx',
    cmd = { vim.env.STORYX_BIN, 'lsp' },
    root_dir = vim.env.STORYX_ROOT,
  })
  out.client = id ~= nil
  vim.lsp.buf_attach_client(buf, id)
  -- Waits for a buffer's diagnostics (at least `expect`) and lists them.
  local function diagnostics(b, expect)
    vim.wait(30000, function() return #vim.diagnostic.get(b) >= expect end, 20)
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(b)) do
      local related = {}
      local lsp = d.user_data and d.user_data.lsp or {}
      for _, r in ipairs(lsp.relatedInformation or {}) do
        table.insert(related, { uri = r.location.uri, line = r.location.range.start.line,
          character = r.location.range.start.character })
      end
      table.insert(list, { lnum = d.lnum, col = d.col, severity = d.severity,
        message = d.message, related = related })
    end
    return list
  end
  out.diagnostics = diagnostics(buf, tonumber(vim.env.STORYX_EXPECT))
  local uri = vim.uri_from_bufnr(buf)
  local function at(line, character)
    return { textDocument = { uri = uri }, position = { line = line, character = character } }
  end
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/completion',
    at(tonumber(vim.env.STORYX_COMPLETE_LINE), tonumber(vim.env.STORYX_COMPLETE_CHAR)), 20000)
  for _, r in pairs(res or {}) do
    local items = r.result or {}
    if items.items then items = items.items end
    for _, item in ipairs(items) do table.insert(out.completion, item.label) end
  end
  local def = vim.lsp.buf_request_sync(buf, 'textDocument/definition',
    at(tonumber(vim.env.STORYX_DEF_LINE), tonumber(vim.env.STORYX_DEF_CHAR)), 20000)
  for _, r in pairs(def or {}) do
    for _, loc in ipairs(r.result or {}) do
      table.insert(out.definition, { uri = loc.uri, line = loc.range.start.line, character = loc.range.start.character })
    end
  end
  -- A second story, whose cross-story warning comes once the workspace is loaded.
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.STORYX_STORY2))
  local buf2 = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf2, id)
  out.across = diagnostics(buf2, tonumber(vim.env.STORYX_EXPECT2))
end)
if not ok then out.error = tostring(err) end
finish()
