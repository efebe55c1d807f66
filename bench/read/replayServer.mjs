// The ceiling: a trivial node:http server answering each path with bytes captured from the CMS.
// Usage: node replayServer.mjs <responses.json> <port>
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

const [file, port] = process.argv.slice(2)
const responses = new Map(JSON.parse(readFileSync(file, 'utf8')).map((r) => [r.key, { headers: r.headers, body: Buffer.from(r.body, 'base64') }]))
createServer((req, res) => {
  const found = responses.get(`${req.method} ${req.url}`)
  if (!found) return res.writeHead(404).end()
  // GraphQL bodies are not read; a POST still has to be drained for keep-alive.
  req.resume()
  res.writeHead(200, { ...found.headers, 'content-length': found.body.length })
  res.end(found.body)
}).listen(Number(port), '127.0.0.1', () => process.send?.('ready'))
