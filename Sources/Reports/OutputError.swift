#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file or folder that cannot be written, in the user's words: the path, what is wrong, and what to
/// change.
public struct OutputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file or folder, as the user named it (`DIR/plan.csv`).
    public var path: String
    /// What is wrong (`permission denied`).
    public var problem: String
    /// What to do about it (`check the folder's permissions`), if anything besides choosing another place.
    public var advice: String?

    public init(path: String, problem: String, advice: String? = nil) {
        self.path = path
        self.problem = problem
        self.advice = advice
    }

    /// `cannot write DIR/plan.csv: permission denied (check the folder's permissions or choose another --out)`;
    /// `option` is the command-line option that named the place.
    public func message(option: String? = nil) -> String {
        let remedies = [advice, "choose another \(option ?? "place")"].compactMap { $0 }
        return "cannot write \(path): \(problem) (\(remedies.joined(separator: " or ")))"
    }

    public var description: String { message() }

    /// The error a failed system call left in `errno`, in words.
    public init(path: String, errno code: Int32) {
        self.path = path
        switch code {
        case EACCES, EPERM: (problem, advice) = ("permission denied", "check the folder's permissions")
        case ENOSPC: (problem, advice) = ("no space left on the device", "free some space")
        case EDQUOT: (problem, advice) = ("the disk quota is used up", "free some space")
        case EROFS: (problem, advice) = ("the file system is read-only", nil)
        case ENOTDIR: (problem, advice) = ("a part of the path is a file, not a folder", "check the path")
        case ENOENT: (problem, advice) = ("a folder on the path does not exist", "check the path")
        case EEXIST: (problem, advice) = ("something else already exists there", "remove it")
        case EISDIR: (problem, advice) = ("it is a folder", "remove it")
        case ENAMETOOLONG: (problem, advice) = ("the path is too long", nil)
        case ELOOP: (problem, advice) = ("the path has too many symbolic links", "check the path")
        case EFBIG: (problem, advice) = ("the file is larger than the file system allows", nil)
        case EIO: (problem, advice) = ("input/output error (the disk may be failing)", nil)
        case EMFILE, ENFILE: (problem, advice) = ("too many open files", "close some programs")
        case EBUSY, ETXTBSY: (problem, advice) = ("it is in use", nil)
        default: (problem, advice) = (String(cString: strerror(code)).lowercased(), nil)
        }
    }
}
