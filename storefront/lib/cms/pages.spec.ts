import { CMS_PAGE_LIMIT, readAllPages } from './pages'
import type { Paginated } from './types'

const numbers = (total: number) => {
  const asked: [number, number][] = []
  const readPage = async (page: number, limit: number): Promise<Paginated<number>> => {
    asked.push([page, limit])
    const docs = Array.from({ length: Math.max(0, Math.min(limit, total - (page - 1) * limit)) }, (_, i) => (page - 1) * limit + i)
    const totalPages = Math.ceil(total / limit)
    return { docs, totalDocs: total, totalPages, page, limit, hasNextPage: page < totalPages, hasPrevPage: page > 1 }
  }
  return { asked, readPage }
}

describe('readAllPages', () => {
  it('should read every page of at most the CMS page limit and keep the order', async () => {
    const { asked, readPage } = numbers(250)
    const docs = await readAllPages(readPage)
    expect([docs.length, docs[249], asked]).toEqual([
      250,
      249,
      [
        [1, CMS_PAGE_LIMIT],
        [2, CMS_PAGE_LIMIT],
        [3, CMS_PAGE_LIMIT],
      ],
    ])
  })

  it('should stop at maxDocs without reading the pages beyond', async () => {
    const { asked, readPage } = numbers(1000)
    expect([(await readAllPages(readPage, 150)).length, asked.length]).toEqual([150, 2])
  })

  it('should read one page of an empty list', async () => {
    const { asked, readPage } = numbers(0)
    expect([await readAllPages(readPage), asked.length]).toEqual([[], 1])
  })
})
