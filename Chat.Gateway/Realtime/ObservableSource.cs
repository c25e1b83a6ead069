namespace Chat.Gateway.Realtime;

/// <summary>An <see cref="IObservable{T}"/> from a subscribe function (what Rx's Observable.Create does, without Rx).</summary>
public sealed class ObservableSource<T>(Func<IObserver<T>, IDisposable> subscribe) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer) => subscribe(observer);
}
