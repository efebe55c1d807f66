import { isSafeInline, nameForType } from './fileTypes'

describe('nameForType', () => {
  it('should rename a PNG sent as poly.html to poly.png', () => {
    expect(nameForType('poly.html', 'image/png')).toBe('poly.png')
  })

  it('should keep a name whose extension fits the type, in any case', () => {
    expect([nameForType('mug.JPEG', 'image/jpeg'), nameForType('mug.jpg', 'image/jpeg'), nameForType('a.webp', 'image/webp')]).toEqual([
      'mug.JPEG',
      'mug.jpg',
      'a.webp',
    ])
  })

  it('should add the extension to a name without one, and name a bare extension', () => {
    expect([nameForType('photo', 'image/gif'), nameForType('.html', 'image/png')]).toEqual(['photo.gif', '.html.png'])
  })

  it('should leave the name of a type it does not store alone (the upload is refused elsewhere)', () => {
    expect(nameForType('notes.txt', 'text/plain')).toBe('notes.txt')
  })
})

describe('isSafeInline', () => {
  it('should show raster images inline and nothing else', () => {
    expect(['image/png', 'image/jpeg; charset=binary', 'text/html', 'image/svg+xml', 'application/octet-stream', null].map(isSafeInline)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ])
  })
})
