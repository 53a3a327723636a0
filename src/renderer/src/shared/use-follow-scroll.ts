import { useCallback, useEffect, useRef, useState } from 'react'

const AT_BOTTOM_PX = 24
const SPOKEN_MARGIN_PX = 16

/**
 * Keeps a scroller pinned to the bottom while content grows, until the user
 * scrolls up (wheel, keys, scrollbar); reaching the bottom again resumes it.
 * While the voice speaks (a `.speaking` block), the pin stops short of pushing
 * the spoken block out of sight: text streams faster than it is read aloud.
 * Growth is seen by a ResizeObserver on the content, so no per-token work.
 */
export function useFollowScroll(
  scroller: React.RefObject<HTMLElement | null>,
  content: React.RefObject<HTMLElement | null>
) {
  const [following, setFollowing] = useState(true)
  const followingRef = useRef(true)

  const setFollow = useCallback((value: boolean) => {
    if (followingRef.current === value) return
    followingRef.current = value
    setFollowing(value)
  }, [])

  const jumpToLatest = useCallback(() => {
    const el = scroller.current
    if (el) el.scrollTop = el.scrollHeight
    setFollow(true)
  }, [scroller, setFollow])

  useEffect(() => {
    const el = scroller.current
    const inner = content.current
    if (!el || !inner) return
    const pin = (): void => {
      if (!followingRef.current) return
      const spoken = inner.querySelector<HTMLElement>('.speaking')
      const bottom = el.scrollHeight - el.clientHeight
      if (!spoken) return void (el.scrollTop = el.scrollHeight)
      const top = spoken.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop
      el.scrollTop = Math.min(bottom, Math.max(0, top - SPOKEN_MARGIN_PX))
    }
    const observer = new ResizeObserver(pin)
    observer.observe(inner)
    const userScrolledUp = (): void => setFollow(false)
    const onWheel = (ev: WheelEvent): void => {
      if (ev.deltaY < 0) userScrolledUp()
    }
    const onKey = (ev: KeyboardEvent): void => {
      if (['PageUp', 'ArrowUp', 'Home'].includes(ev.key)) userScrolledUp()
    }
    let dragging = false
    const onPointerDown = (): void => void (dragging = true)
    const onPointerUp = (): void => void (dragging = false)
    const onScroll = (): void => {
      const distance = el.scrollHeight - el.scrollTop - el.clientHeight
      if (distance <= AT_BOTTOM_PX) setFollow(true)
      else if (dragging) setFollow(false)
    }
    el.addEventListener('wheel', onWheel, { passive: true })
    el.addEventListener('keydown', onKey)
    el.addEventListener('pointerdown', onPointerDown)
    window.addEventListener('pointerup', onPointerUp)
    el.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      observer.disconnect()
      el.removeEventListener('wheel', onWheel)
      el.removeEventListener('keydown', onKey)
      el.removeEventListener('pointerdown', onPointerDown)
      window.removeEventListener('pointerup', onPointerUp)
      el.removeEventListener('scroll', onScroll)
    }
  }, [scroller, content, setFollow])

  return { following, jumpToLatest }
}
