import { jest } from '@jest/globals'
import { EventEmitter } from 'node:events'
import type { ServerResponse } from 'node:http'

import { applyRequestTimeout } from './requestTimeout'

function fakeResponse() {
  const res = Object.assign(new EventEmitter(), {
    headersSent: false,
    status: 0,
    body: '',
    destroyed: false,
    writeHead(status: number) {
      res.status = status
      res.headersSent = true
    },
    end(body: string) {
      res.body = body
      res.emit('finish')
    },
    destroy() {
      res.destroyed = true
    },
  })
  return res
}

describe('applyRequestTimeout', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it('should answer 503 with a JSON error when the handler has not answered in time', () => {
    const res = fakeResponse()
    applyRequestTimeout(res as unknown as ServerResponse, 1000)
    jest.advanceTimersByTime(1000)
    expect(res.status).toBe(503)
    expect(JSON.parse(res.body).error.code).toBe('request_timeout')
  })

  it('should close the connection when the answer had already started', () => {
    const res = fakeResponse()
    applyRequestTimeout(res as unknown as ServerResponse, 1000)
    res.headersSent = true
    jest.advanceTimersByTime(1000)
    expect(res.destroyed).toBe(true)
  })

  it('should do nothing once the response has finished', () => {
    const res = fakeResponse()
    applyRequestTimeout(res as unknown as ServerResponse, 1000)
    res.emit('finish')
    jest.advanceTimersByTime(5000)
    expect(res.status).toBe(0)
  })
})
